/**
 * The Cookbook app ({@code /index.php/apps/cookbook/api}): recipes are folders {@code /Recipes/<name>/} of the
 * shared file store holding {@code recipe.json}, so a recipe's id is its folder's file id and WebDAV sees the same
 * recipes. Names, keywords, yields and durations are normalised as cookbook's JSON filters do; the captured answers
 * ({@code cookbook/}) fix the shapes, the errors and the key order.
 */
package dev.ncmcp.simulator.cookbook;
