package dev.ncmcp.plugin.cookbook;

import dev.ncmcp.spi.ToolAnnotations;
import dev.ncmcp.spi.ToolDefinition;
import dev.ncmcp.spi.ToolException;
import dev.ncmcp.spi.ToolInvocation;
import dev.ncmcp.spi.tool.Default;
import dev.ncmcp.spi.tool.Description;
import dev.ncmcp.spi.tool.Length;
import dev.ncmcp.spi.tool.Matches;
import dev.ncmcp.spi.tool.Page;
import dev.ncmcp.spi.tool.Range;
import dev.ncmcp.spi.tool.Tool;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import static dev.ncmcp.plugin.cookbook.CookbookPlugin.READ;
import static dev.ncmcp.plugin.cookbook.CookbookPlugin.WRITE;

/** The recipe tools: the table, then one handler per tool with its argument record. */
final class RecipeTools {

    private static final String ID = "Recipe id, from nc_cookbook_list_recipes or nc_cookbook_search_recipes";
    private static final ToolAnnotations FETCHES_THE_WEB = new ToolAnnotations(false, false, false, true);

    List<ToolDefinition> definitions() {
        return List.of(
                Tool.define("nc_cookbook_list_recipes", ListRecipes.class, RecipeList.class)
                        .title("List recipes")
                        .description("""
                                Lists the user's recipes by name and returns id, name, category, keywords and \
                                dates of each. Narrow it to one category ('' for recipes without one) and/or to \
                                recipes having all the given keywords. Use nc_cookbook_search_recipes to find \
                                recipes by words and nc_cookbook_get_recipe to read one.""")
                        .annotations(ToolAnnotations.READ_ONLY).requires(READ)
                        .summary(list -> list.total() + " recipe(s)")
                        .handler(this::listRecipes),
                Tool.define("nc_cookbook_search_recipes", SearchRecipes.class, RecipeList.class)
                        .title("Search recipes")
                        .description("""
                                Finds recipes having any of the words in their name, keywords or category \
                                (case-insensitive, parts of words match) and returns id, name, category and \
                                keywords of each, by name.""")
                        .annotations(ToolAnnotations.READ_ONLY).requires(READ)
                        .summary(list -> list.total() + " recipe(s)")
                        .handler(this::searchRecipes),
                Tool.define("nc_cookbook_get_recipe", RecipeId.class, RecipeView.class)
                        .title("Get recipe")
                        .description("""
                                Returns one recipe in full: name, description, category, keywords, servings, \
                                preparation/cooking/total time, ingredients, instructions, tools, source URL, image \
                                URL, nutrition and dates.""")
                        .annotations(ToolAnnotations.READ_ONLY).requires(READ)
                        .handler((args, call) -> recipe(new CookbookApi(call.nextcloud()), args.id())),
                Tool.define("nc_cookbook_create_recipe", CreateRecipe.class, RecipeView.class)
                        .title("Create recipe")
                        .description("""
                                Creates a recipe from its parts (only 'name' is required; names are unique) and \
                                returns it as Nextcloud stored it, with its id. Times are ISO-8601 durations such as \
                                PT30M or PT1H15M. To take a recipe from a web page, use nc_cookbook_import_recipe.""")
                        .annotations(ToolAnnotations.ADDITIVE).requires(WRITE)
                        .handler(this::createRecipe),
                Tool.define("nc_cookbook_update_recipe", UpdateRecipe.class, RecipeView.class)
                        .title("Update recipe")
                        .description("""
                                Changes the given parts of a recipe (a list given replaces the old list; everything \
                                not given stays) and returns the recipe as stored now. Renaming to the name of \
                                another recipe is refused with CONFLICT.""")
                        .annotations(ToolAnnotations.IDEMPOTENT_WRITE).requires(WRITE)
                        .handler(this::updateRecipe),
                Tool.define("nc_cookbook_delete_recipe", RecipeId.class, Deleted.class)
                        .title("Delete recipe")
                        .description("""
                                Deletes a recipe (its folder goes to the Nextcloud trash bin). Confirm with the user \
                                first; returns the id of the deleted recipe.""")
                        .annotations(ToolAnnotations.DESTRUCTIVE).requires(WRITE)
                        .summary(deleted -> "Deleted recipe " + deleted.id() + ".")
                        .handler(this::deleteRecipe),
                Tool.define("nc_cookbook_import_recipe", ImportRecipe.class, RecipeView.class)
                        .title("Import recipe from a web page")
                        .description("""
                                Has Nextcloud download a web page and store the schema.org recipe it carries (most \
                                recipe sites have one) as a new recipe; returns the stored recipe with its id. Fails \
                                with CONFLICT when a recipe of that name exists.""")
                        .annotations(FETCHES_THE_WEB).requires(WRITE)
                        .handler(this::importRecipe));
    }

    // ---- nc_cookbook_list_recipes, nc_cookbook_search_recipes

    record ListRecipes(
            @Description("Only recipes of this category; '' for recipes without a category") Optional<String> category,
            @Description("Only recipes having all of these keywords (case-insensitive)") Set<String> keywords,
            @Description("Maximum number of recipes to return") @Range(min = 1, max = 1000) @Default("100") int limit,
            @Description("The nextCursor of the previous call, to continue the list") Optional<String> cursor) {
    }

    record SearchRecipes(@Description("Words to look for; a recipe matches when any of them does") @Length(min = 1)
                         String query,
                         @Description("Maximum number of recipes to return") @Range(min = 1, max = 1000)
                         @Default("100") int limit,
                         @Description("The nextCursor of the previous call, to continue the list")
                         Optional<String> cursor) {
    }

    record RecipeList(@Description("The recipes, by name") List<RecipeStub> recipes,
                      @Description("How many recipes match in all") int total,
                      @Description("Pass as 'cursor' to get the next page; absent on the last page")
                      Optional<String> nextCursor) {
    }

    /**
     * Filters the index's list here rather than with cookbook's {@code /category} and {@code /tags} routes: those
     * decode their parameter twice, and cookbook 0.11's keyword query matches nothing at all ({@code cookbook/12}).
     */
    RecipeList listRecipes(ListRecipes args, ToolInvocation call) throws ToolException {
        Set<String> wanted = lowerCase(args.keywords());
        List<RecipeStub> found = new CookbookApi(call.nextcloud()).recipes().stream()
                .filter(recipe -> args.category().map(category -> category.strip().equalsIgnoreCase(recipe.category()))
                        .orElse(true))
                .filter(recipe -> lowerCase(Set.copyOf(recipe.keywords())).containsAll(wanted))
                .toList();
        Page<RecipeStub> page = Page.of(found, args.cursor(), args.limit());
        return new RecipeList(page.items(), page.total(), page.nextCursor());
    }

    RecipeList searchRecipes(SearchRecipes args, ToolInvocation call) throws ToolException {
        Page<RecipeStub> page = Page.of(new CookbookApi(call.nextcloud()).search(args.query().strip()), args.cursor(),
                args.limit());
        return new RecipeList(page.items(), page.total(), page.nextCursor());
    }

    // ---- nc_cookbook_get_recipe, nc_cookbook_delete_recipe

    record RecipeId(@Description(ID) @Range(min = 1) long id) {
    }

    record Deleted(@Description("Id of the deleted recipe") long id,
                   @Description("Always true: the recipe is gone") boolean deleted) {
    }

    Deleted deleteRecipe(RecipeId args, ToolInvocation call) throws ToolException {
        CookbookApi api = new CookbookApi(call.nextcloud());
        // cookbook answers an unknown id with 502, which reads like an outage: ask first
        stored(api, args.id());
        api.delete(args.id());
        return new Deleted(args.id(), true);
    }

    // ---- nc_cookbook_create_recipe

    record CreateRecipe(
            @Description("Name, unique among the user's recipes; '/' and line breaks are removed") @Length(min = 1)
            String name,
            @Description("Short description") Optional<String> description,
            @Description("Category, such as Breakfast or Dinner") Optional<String> category,
            @Description("Keywords (without commas)") List<String> keywords,
            @Description("How many servings it makes") @Range(min = 1, max = 100000) Optional<Integer> servings,
            @Description("Preparation time, ISO-8601 duration such as PT15M") Optional<String> prepTime,
            @Description("Cooking time, ISO-8601 duration such as PT1H") Optional<String> cookTime,
            @Description("Total time, ISO-8601 duration such as PT1H15M") Optional<String> totalTime,
            @Description("Ingredients, one per entry, e.g. '200 g flour'") List<String> ingredients,
            @Description("Instructions, one step per entry") List<String> instructions,
            @Description("Tools needed, e.g. 'pan'") List<String> tools,
            @Description("Where the recipe comes from") Optional<String> url,
            @Description("URL of an image of the dish on the web") Optional<String> image) {
        CreateRecipe {
            RecipeFields.check(name, keywords, prepTime, cookTime, totalTime);
        }
    }

    RecipeView createRecipe(CreateRecipe args, ToolInvocation call) throws ToolException {
        JsonObjectBuilder recipe = Json.createObjectBuilder().add("@context", "http://schema.org")
                .add("@type", "Recipe").add("name", args.name().strip());
        RecipeFields.put(recipe, "description", args.description());
        RecipeFields.put(recipe, "recipeCategory", args.category());
        RecipeFields.put(recipe, "keywords", Optional.of(String.join(",", args.keywords())));
        args.servings().ifPresent(servings -> recipe.add("recipeYield", servings));
        RecipeFields.put(recipe, "prepTime", args.prepTime());
        RecipeFields.put(recipe, "cookTime", args.cookTime());
        RecipeFields.put(recipe, "totalTime", args.totalTime());
        RecipeFields.list(recipe, "recipeIngredient", Optional.of(args.ingredients()));
        RecipeFields.list(recipe, "recipeInstructions", Optional.of(args.instructions()));
        RecipeFields.list(recipe, "tool", Optional.of(args.tools()));
        RecipeFields.put(recipe, "url", args.url());
        RecipeFields.put(recipe, "image", args.image());
        CookbookApi api = new CookbookApi(call.nextcloud());
        return recipe(api, api.create(recipe.build()));
    }

    // ---- nc_cookbook_update_recipe

    record UpdateRecipe(
            @Description(ID) @Range(min = 1) long id,
            @Description("New name, unique among the user's recipes") @Length(min = 1) Optional<String> name,
            @Description("New description") Optional<String> description,
            @Description("New category ('' for none)") Optional<String> category,
            @Description("New keywords, replacing the old ones") Optional<List<String>> keywords,
            @Description("New number of servings") @Range(min = 1, max = 100000) Optional<Integer> servings,
            @Description("New preparation time, ISO-8601 duration ('' to remove)") Optional<String> prepTime,
            @Description("New cooking time, ISO-8601 duration ('' to remove)") Optional<String> cookTime,
            @Description("New total time, ISO-8601 duration ('' to remove)") Optional<String> totalTime,
            @Description("New ingredients, replacing the old ones") Optional<List<String>> ingredients,
            @Description("New instructions, replacing the old ones") Optional<List<String>> instructions,
            @Description("New tools, replacing the old ones") Optional<List<String>> tools,
            @Description("New source URL") Optional<String> url,
            @Description("New image URL") Optional<String> image) {
        UpdateRecipe {
            RecipeFields.check(name.orElse("x"), keywords.orElse(List.of()), prepTime, cookTime, totalTime);
            boolean nothing = name.isEmpty() && description.isEmpty() && category.isEmpty() && keywords.isEmpty()
                    && servings.isEmpty() && prepTime.isEmpty() && cookTime.isEmpty() && totalTime.isEmpty()
                    && ingredients.isEmpty() && instructions.isEmpty() && tools.isEmpty() && url.isEmpty()
                    && image.isEmpty();
            if (nothing) {
                throw new IllegalArgumentException("Nothing to change: give at least one part of the recipe");
            }
        }
    }

    RecipeView updateRecipe(UpdateRecipe args, ToolInvocation call) throws ToolException {
        CookbookApi api = new CookbookApi(call.nextcloud());
        JsonObject current = stored(api, args.id());
        Optional<String> name = args.name().map(String::strip);
        if (name.isPresent() && !name.get().equals(current.getString("name", ""))) {
            Optional<RecipeStub> taken = api.recipes().stream()
                    .filter(other -> other.name().equals(name.get()) && other.id() != args.id()).findFirst();
            if (taken.isPresent()) {
                throw ToolException.conflict("Recipe " + taken.get().id() + " is already named '" + name.get()
                        + "'; recipe names are unique. Choose another name.", null);
            }
        }
        JsonObjectBuilder recipe = Json.createObjectBuilder(current).remove("printImage").remove("imageUrl")
                .add("id", Long.toString(args.id()));
        RecipeFields.put(recipe, "name", name);
        RecipeFields.put(recipe, "description", args.description());
        RecipeFields.put(recipe, "recipeCategory", args.category());
        RecipeFields.put(recipe, "keywords", args.keywords().map(keywords -> String.join(",", keywords)));
        args.servings().ifPresent(servings -> recipe.add("recipeYield", servings));
        RecipeFields.put(recipe, "prepTime", args.prepTime());
        RecipeFields.put(recipe, "cookTime", args.cookTime());
        RecipeFields.put(recipe, "totalTime", args.totalTime());
        RecipeFields.list(recipe, "recipeIngredient", args.ingredients());
        RecipeFields.list(recipe, "recipeInstructions", args.instructions());
        RecipeFields.list(recipe, "tool", args.tools());
        RecipeFields.put(recipe, "url", args.url());
        RecipeFields.put(recipe, "image", args.image());
        return recipe(api, api.update(args.id(), recipe.build()));
    }

    // ---- nc_cookbook_import_recipe

    record ImportRecipe(@Description("The web page with the recipe, http or https") @Matches("^https?://\\S+$")
                        String url) {
    }

    RecipeView importRecipe(ImportRecipe args, ToolInvocation call) throws ToolException {
        JsonObject imported = new CookbookApi(call.nextcloud()).importFrom(args.url());
        String id = imported.getString("id", "");
        if (!id.matches("\\d{1,18}")) {
            throw ToolException.upstream("Nextcloud Cookbook imported the recipe but did not say its id");
        }
        return RecipeView.of(imported, Long.parseLong(id));
    }

    private static RecipeView recipe(CookbookApi api, long id) throws ToolException {
        return RecipeView.of(stored(api, id), id);
    }

    private static JsonObject stored(CookbookApi api, long id) throws ToolException {
        return api.recipe(id).orElseThrow(() -> ToolException.notFound("Recipe " + id + " does not exist (it may have "
                + "been deleted). Find recipes with nc_cookbook_list_recipes or nc_cookbook_search_recipes."));
    }

    private static Set<String> lowerCase(Set<String> words) {
        return Set.copyOf(words.stream().map(word -> word.strip().toLowerCase(Locale.ROOT)).toList());
    }
}
