package dev.ncmcp.plugin.cookbook;

import dev.ncmcp.spi.ToolAnnotations;
import dev.ncmcp.spi.ToolDefinition;
import dev.ncmcp.spi.ToolException;
import dev.ncmcp.spi.ToolInvocation;
import dev.ncmcp.spi.tool.Description;
import dev.ncmcp.spi.tool.NoArguments;
import dev.ncmcp.spi.tool.Tool;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import java.util.ArrayList;
import java.util.List;

import static dev.ncmcp.plugin.cookbook.CookbookPlugin.READ;

/** What the recipes are sorted by: categories and keywords, each with its number of recipes. */
final class CatalogTools {

    List<ToolDefinition> definitions() {
        return List.of(
                Tool.define("nc_cookbook_list_categories", NoArguments.class, Categories.class)
                        .title("List recipe categories")
                        .description("""
                                Returns the categories of the user's recipes with how many recipes each has, and how \
                                many recipes have no category. List the recipes of one with nc_cookbook_list_recipes \
                                and 'category'.""")
                        .annotations(ToolAnnotations.READ_ONLY).requires(READ)
                        .handler(this::listCategories),
                Tool.define("nc_cookbook_list_keywords", NoArguments.class, Keywords.class)
                        .title("List recipe keywords")
                        .description("""
                                Returns the keywords (tags) of the user's recipes with how many recipes have each. \
                                List the recipes having some with nc_cookbook_list_recipes and 'keywords'.""")
                        .annotations(ToolAnnotations.READ_ONLY).requires(READ)
                        .handler(this::listKeywords));
    }

    record Counted(@Description("Name") String name, @Description("How many recipes have it") int recipeCount) {
    }

    record Categories(@Description("The categories, by name") List<Counted> categories,
                      @Description("How many recipes have no category") int uncategorized) {
    }

    record Keywords(@Description("The keywords, by name") List<Counted> keywords) {
    }

    Categories listCategories(NoArguments args, ToolInvocation call) throws ToolException {
        List<Counted> categories = new ArrayList<>();
        int uncategorized = 0;
        for (Counted counted : counted(new CookbookApi(call.nextcloud()).list("categories", "the recipe categories"))) {
            if (counted.name().equals("*")) {
                uncategorized = counted.recipeCount();
            } else {
                categories.add(counted);
            }
        }
        return new Categories(categories, uncategorized);
    }

    Keywords listKeywords(NoArguments args, ToolInvocation call) throws ToolException {
        return new Keywords(counted(new CookbookApi(call.nextcloud()).list("keywords", "the recipe keywords")));
    }

    private static List<Counted> counted(JsonArray list) {
        return list.getValuesAs(JsonObject.class).stream()
                .map(entry -> new Counted(entry.getString("name", ""), entry.getInt("recipe_count", 0))).toList();
    }
}
