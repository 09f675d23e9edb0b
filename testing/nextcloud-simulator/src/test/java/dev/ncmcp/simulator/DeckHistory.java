package dev.ncmcp.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the Deck captures found on the server before their first step: bob's "Personal" board, made by his first
 * board list, and two "Project X" boards of earlier capture runs, each with two stacks, a fifth label and a card
 * that came and went, deleted since ({@code deck/01}, {@code deck/32}).
 */
final class DeckHistory {
    private static final String API = "/index.php/apps/deck/api/v1.0";
    private static final Pattern ID = Pattern.compile("^\\{\"id\":(\\d+)");

    private DeckHistory() {
    }

    static void recreate(NextcloudSimulator sim) {
        send(sim, "GET", API + "/boards", null);
        for (int run = 0; run < 2; run++) {
            String board = id(send(sim, "POST", API + "/boards", "{\"title\":\"Project X\",\"color\":\"0082c9\"}"));
            String stacks = API + "/boards/" + board + "/stacks";
            String todo = id(send(sim, "POST", stacks, "{\"title\":\"To do\",\"order\":1}"));
            send(sim, "POST", stacks, "{\"title\":\"Done\",\"order\":2}");
            send(sim, "POST", API + "/boards/" + board + "/labels", "{\"title\":\"Urgent\",\"color\":\"ff0000\"}");
            String card = id(send(sim, "POST", API + "/boards/" + board + "/stacks/" + todo + "/cards",
                    "{\"title\":\"Draft\"}"));
            send(sim, "DELETE", API + "/boards/" + board + "/stacks/" + todo + "/cards/" + card, null);
            send(sim, "DELETE", API + "/boards/" + board, null);
        }
    }

    private static String send(NextcloudSimulator sim, String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sim.baseUrl() + path))
                .header("OCS-APIREQUEST", "true")
                .header("Authorization", BasicAuth.basicHeader("bob", CaptureReplayer.BOB_PASSWORD))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(method + " " + path + " -> " + response.statusCode() + " "
                        + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String id(String body) {
        Matcher matcher = ID.matcher(body);
        if (!matcher.find()) {
            throw new IllegalStateException("no id in " + body);
        }
        return matcher.group(1);
    }
}
