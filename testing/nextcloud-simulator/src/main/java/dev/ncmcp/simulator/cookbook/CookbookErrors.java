package dev.ncmcp.simulator.cookbook;

import dev.ncmcp.simulator.SimResponse;
import jakarta.json.Json;

import java.nio.charset.StandardCharsets;

/** Cookbook's error answers: {@code {"msg","file","line"}} of its exceptions, and Nextcloud's page for the rest. */
final class CookbookErrors {
    /** The app's {@code img/recipe.svg}, served when a recipe has no image. */
    static final byte[] PLACEHOLDER = ("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1792\" height=\"1792\">\n"
            + " <defs/>\n <path fill=\"#838383\" d=\"M862.314 458.085v336.858q0 32.106-18.685 58.423\"/>\n</svg>\n")
            .getBytes(StandardCharsets.UTF_8);
    private static final String SERVICE = "<nextcloud-root>/custom_apps/cookbook/lib/Service/RecipeService.php";

    private CookbookErrors() {
    }

    static SimResponse noName() {
        return error(422, "No recipe name was given. A unique name is required to store the recipe.", 207);
    }

    static SimResponse exists() {
        return error(409, "Another recipe with that name already exists", 248);
    }

    static SimResponse internalError() {
        return SimResponse.html(500, "<!DOCTYPE html>\n<html><head><title>Nextcloud</title></head><body>"
                + "<div class=\"guest-box\"><h2>Internal Server Error</h2></div></body></html>\n");
    }

    private static SimResponse error(int status, String message, int line) {
        return SimResponse.json(status, Json.createObjectBuilder().add("msg", message).add("file", SERVICE)
                .add("line", line).build());
    }
}
