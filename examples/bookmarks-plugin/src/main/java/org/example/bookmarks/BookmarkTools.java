package org.example.bookmarks;

import dev.ncmcp.spi.ToolAnnotations;
import dev.ncmcp.spi.ToolDefinition;
import dev.ncmcp.spi.ToolException;
import dev.ncmcp.spi.ToolInvocation;
import dev.ncmcp.spi.nextcloud.Answer;
import dev.ncmcp.spi.nextcloud.NextcloudRequest;
import dev.ncmcp.spi.tool.Default;
import dev.ncmcp.spi.tool.Description;
import dev.ncmcp.spi.tool.Length;
import dev.ncmcp.spi.tool.Matches;
import dev.ncmcp.spi.tool.Range;
import dev.ncmcp.spi.tool.Tool;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.List;
import java.util.Optional;

import static org.example.bookmarks.BookmarksPlugin.READ;
import static org.example.bookmarks.BookmarksPlugin.WRITE;

/** The tools, each an argument record, a result record and a handler. */
final class BookmarkTools {

    private static final String API = "/index.php/apps/bookmarks/public/rest/v2/bookmark";

    private final int maxResults;

    BookmarkTools(int maxResults) {
        this.maxResults = maxResults;
    }

    List<ToolDefinition> definitions() {
        return List.of(
                Tool.define("nc_bookmarks_search", Search.class, Found.class)
                        .title("Search bookmarks")
                        .description("Finds the user's bookmarks by words in their title, URL or description and by "
                                + "tags, and returns id, URL, title, description and tags of each, newest first.")
                        .annotations(ToolAnnotations.READ_ONLY)
                        .requires(READ)
                        .summary(found -> found.bookmarks().size() + " bookmark(s)")
                        .handler(this::search),
                Tool.define("nc_bookmarks_add", Add.class, Bookmark.class)
                        .title("Add bookmark")
                        .description("Adds a bookmark and returns it with its id. Nextcloud refuses a URL that is "
                                + "already bookmarked.")
                        .annotations(ToolAnnotations.ADDITIVE)
                        .requires(WRITE)
                        .handler(this::add));
    }

    record Search(@Description("Words to look for; all must match") List<String> words,
                  @Description("Only bookmarks with all of these tags") List<String> tags,
                  @Description("How many to return") @Range(min = 1, max = 500) @Default("20") int limit) {
    }

    record Bookmark(@Description("Bookmark id") long id,
                    @Description("The bookmarked URL") String url,
                    @Description("Title") String title,
                    @Description("Description; empty when none") String description,
                    @Description("Tags") List<String> tags) {

        static Bookmark of(JsonObject json) {
            return new Bookmark(json.getJsonNumber("id").longValue(), json.getString("url", ""),
                    json.getString("title", ""), json.getString("description", ""),
                    json.getJsonArray("tags").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList());
        }
    }

    record Found(@Description("The matching bookmarks, newest first") List<Bookmark> bookmarks) {
    }

    Found search(Search args, ToolInvocation call) throws ToolException {
        NextcloudRequest.Builder request = NextcloudRequest.get(API)
                .query("limit", Integer.toString(Math.min(args.limit(), maxResults)))
                .query("conjunction", "and");
        args.words().forEach(word -> request.query("search[]", word));
        args.tags().forEach(tag -> request.query("tags[]", tag));
        JsonObject answer = Answer.of(call.nextcloud().send(request.build())).about("the bookmarks").expect(200)
                .json().asJsonObject();
        return new Found(answer.getJsonArray("data").getValuesAs(JsonObject.class).stream().map(Bookmark::of).toList());
    }

    record Add(@Description("The URL to bookmark") @Matches("^https?://.+") String url,
               @Description("Title; Nextcloud fetches the page's title when empty") Optional<String> title,
               @Description("What the page is about") @Length(max = 2000) Optional<String> description,
               @Description("Tags to file it under") List<String> tags) {
    }

    Bookmark add(Add args, ToolInvocation call) throws ToolException {
        JsonArrayBuilder tags = Json.createArrayBuilder();
        args.tags().forEach(tags::add);
        JsonObject body = Json.createObjectBuilder()
                .add("url", args.url())
                .add("title", args.title().orElse(""))
                .add("description", args.description().orElse(""))
                .add("tags", tags)
                .build();
        JsonValue answer = Answer.of(call.nextcloud().send(NextcloudRequest.post(API).json(body).build()))
                .about("bookmark " + args.url())
                .on(400, refusal -> ToolException.conflict(args.url() + " is already bookmarked, or Nextcloud "
                        + "refused it" + refusal.reason().map(reason -> ": " + reason).orElse("."), null))
                .expect(200)
                .json();
        return Bookmark.of(answer.asJsonObject().getJsonObject("item"));
    }
}
