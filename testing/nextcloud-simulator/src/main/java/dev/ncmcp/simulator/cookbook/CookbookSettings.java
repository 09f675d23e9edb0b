package dev.ncmcp.simulator.cookbook;

import dev.ncmcp.simulator.RequestFields;
import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Each user's cookbook configuration: recipe folder, index update interval (minutes), whether to print images. */
final class CookbookSettings {

    /** One user's values. */
    static final class Values {
        private volatile String folder = "/Recipes";
        private volatile long updateInterval = 5;
        private volatile boolean printImage = true;

        String folder() {
            return folder;
        }

        boolean printImage() {
            return printImage;
        }

        JsonObject toJson() {
            return Json.createObjectBuilder()
                    .add("folder", folder)
                    .add("update_interval", updateInterval)
                    .add("print_image", printImage)
                    .add("visibleInfoBlocks", Json.createObjectBuilder()
                            .add("preparation-time", true).add("cooking-time", true).add("total-time", true)
                            .add("nutrition-information", true).add("tools", true))
                    .build();
        }

        /** {@code ConfigImplementation::config}: only the given values change. */
        void update(RequestFields fields) {
            if (fields.has("folder")) {
                folder = "/" + fields.string("folder").replaceAll("^/+|/+$", "");
            }
            if (fields.number("update_interval") != null) {
                updateInterval = fields.number("update_interval");
            }
            if (fields.has("print_image")) {
                printImage = fields.bool("print_image");
            }
        }
    }

    private final Map<String, Values> users = new ConcurrentHashMap<>();

    Values of(String user) {
        return users.computeIfAbsent(user, u -> new Values());
    }
}
