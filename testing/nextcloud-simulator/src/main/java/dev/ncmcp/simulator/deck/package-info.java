/**
 * The Deck app (deck 1.15.9 on Nextcloud 31, 1.13.10 on Nextcloud 29): the REST API under
 * {@code /index.php/apps/deck/api/v1.0} (v1.1 for attachments), the OCS comments and config, and the
 * Deck share type (12) of the files_sharing API with which a user's file becomes a card attachment.
 * The answers follow the captures in {@code deck/} and, where nothing was captured, Deck's own
 * controllers and services of those versions.
 */
package dev.ncmcp.simulator.deck;
