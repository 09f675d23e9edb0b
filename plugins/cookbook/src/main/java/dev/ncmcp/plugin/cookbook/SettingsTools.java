package dev.ncmcp.plugin.cookbook;

import dev.ncmcp.spi.ToolAnnotations;
import dev.ncmcp.spi.ToolDefinition;
import dev.ncmcp.spi.ToolException;
import dev.ncmcp.spi.ToolInvocation;
import dev.ncmcp.spi.files.FilePath;
import dev.ncmcp.spi.tool.Description;
import dev.ncmcp.spi.tool.Length;
import dev.ncmcp.spi.tool.NoArguments;
import dev.ncmcp.spi.tool.Range;
import dev.ncmcp.spi.tool.Tool;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.ncmcp.plugin.cookbook.CookbookPlugin.READ;
import static dev.ncmcp.plugin.cookbook.CookbookPlugin.WRITE;

/** The Cookbook settings and its search index. */
final class SettingsTools {

    /** Rebuilds a cache: changes nothing the user sees, and doing it twice is doing it once. */
    private static final ToolAnnotations REBUILDS_THE_INDEX = new ToolAnnotations(false, false, true, false);

    List<ToolDefinition> definitions() {
        return List.of(
                Tool.define("nc_cookbook_get_config", NoArguments.class, Config.class)
                        .title("Get Cookbook settings")
                        .description("""
                                Returns the user's Cookbook settings: the folder the recipes are stored in, how often \
                                (minutes) the recipe index is refreshed from that folder, whether images are printed, \
                                and which info blocks the app shows.""")
                        .annotations(ToolAnnotations.READ_ONLY).requires(READ)
                        .handler((args, call) -> Config.of(new CookbookApi(call.nextcloud()).config())),
                Tool.define("nc_cookbook_set_config", SetConfig.class, Config.class)
                        .title("Change Cookbook settings")
                        .description("""
                                Changes the given Cookbook settings (recipe folder, index refresh interval, printing \
                                of images) and returns all settings as they are now. Moving the recipe folder does \
                                not move recipes: Cookbook then shows the recipes of the new folder.""")
                        .annotations(ToolAnnotations.IDEMPOTENT_WRITE).requires(WRITE)
                        .handler(this::setConfig),
                Tool.define("nc_cookbook_reindex", NoArguments.class, Reindexed.class)
                        .title("Rebuild the recipe index")
                        .description("""
                                Has Cookbook rescan the recipe folder and rebuild its search index, e.g. after recipe \
                                files were changed directly; returns Nextcloud's message.""")
                        .annotations(REBUILDS_THE_INDEX).requires(WRITE)
                        .handler((args, call) -> new Reindexed(new CookbookApi(call.nextcloud()).reindex())));
    }

    record Config(@Description("Folder of the recipes in the user's files") String folder,
                  @Description("How often the recipe index is refreshed from the folder, in minutes")
                  long updateInterval,
                  @Description("Whether recipe images are printed") boolean printImage,
                  @Description("Which info blocks the app shows (preparation-time, cooking-time, total-time, "
                          + "nutrition-information, tools)") Map<String, Boolean> visibleInfoBlocks) {

        static Config of(JsonObject json) {
            Map<String, Boolean> blocks = new LinkedHashMap<>();
            if (json.get("visibleInfoBlocks") instanceof JsonObject shown) {
                shown.forEach((block, visible) -> blocks.put(block, visible == JsonValue.TRUE));
            }
            return new Config(json.getString("folder", ""),
                    json.containsKey("update_interval") ? json.getJsonNumber("update_interval").longValue() : 0,
                    json.getBoolean("print_image", false), blocks);
        }
    }

    record SetConfig(@Description("The folder to keep recipes in, e.g. /Recipes") @Length(min = 1)
                     Optional<String> folder,
                     @Description("How often to refresh the recipe index, in minutes") @Range(min = 0, max = 10080)
                     Optional<Integer> updateInterval,
                     @Description("Whether to print recipe images") Optional<Boolean> printImage) {
        SetConfig {
            if (folder.isEmpty() && updateInterval.isEmpty() && printImage.isEmpty()) {
                throw new IllegalArgumentException("Nothing to change: give folder, updateInterval or printImage");
            }
        }
    }

    record Reindexed(@Description("Nextcloud's answer") String message) {
    }

    Config setConfig(SetConfig args, ToolInvocation call) throws ToolException {
        JsonObjectBuilder changes = Json.createObjectBuilder();
        if (args.folder().isPresent()) {
            FilePath folder = FilePath.parse("folder", args.folder().get());
            if (folder.isRoot()) {
                throw ToolException.invalidArgument("'folder' must be a folder below the root of your files");
            }
            changes.add("folder", folder.path());
        }
        args.updateInterval().ifPresent(minutes -> changes.add("update_interval", minutes));
        args.printImage().ifPresent(print -> changes.add("print_image", print));
        CookbookApi api = new CookbookApi(call.nextcloud());
        api.config(changes.build());
        return Config.of(api.config());
    }
}
