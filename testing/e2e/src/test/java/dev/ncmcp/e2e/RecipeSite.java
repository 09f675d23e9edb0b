package dev.ncmcp.e2e;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/** A recipe web page on loopback, for the demo Nextcloud to download when a recipe is imported. */
final class RecipeSite implements AutoCloseable {
    private static final String PAGE = "<html><head><script type=\"application/ld+json\">{\"@context\":"
            + "\"https://schema.org\",\"@type\":\"Recipe\",\"name\":\"Imported risotto\",\"recipeYield\":2,"
            + "\"recipeIngredient\":[\"rice\",\"stock\"],\"recipeInstructions\":[\"Stir.\"]}</script></head></html>";

    private final HttpServer server;

    private RecipeSite(HttpServer server) {
        this.server = server;
    }

    static RecipeSite start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/risotto", exchange -> {
                byte[] body = PAGE.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return new RecipeSite(server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/risotto";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
