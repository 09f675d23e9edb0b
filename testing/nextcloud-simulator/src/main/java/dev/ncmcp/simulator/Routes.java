package dev.ncmcp.simulator;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The route table apps register with. A request goes to the exact route of its path, else to the
 * route with the longest matching prefix. Entry points ({@code /ocs/}, {@code /remote.php/},
 * {@code /index.php/}) say how Nextcloud answers below them while in maintenance mode.
 */
public final class Routes {
    private final Map<String, Handler> exact = new HashMap<>();
    private final Map<String, Handler> prefixes = new HashMap<>();
    private final Map<String, Handler> maintenanceAnswers = new HashMap<>();

    /**
     * {@code path} itself. The handler may decline a request by answering null: it then goes to the prefix route
     * below the path, as if the exact route were not there (Deck takes the card shares of the sharing API this way).
     */
    public Routes exact(String path, Handler handler) {
        put(exact, path, handler);
        return this;
    }

    /** {@code prefix} and every path below it ({@code /a} covers {@code /a}, {@code /a/} and {@code /a/b}). */
    public Routes prefix(String prefix, Handler handler) {
        put(prefixes, trimSlash(prefix), handler);
        return this;
    }

    /** In maintenance mode every path below {@code prefix}, routed or not, gets this answer. */
    public Routes entryPoint(String prefix, Handler maintenanceAnswer) {
        put(maintenanceAnswers, trimSlash(prefix), maintenanceAnswer);
        return this;
    }

    Optional<Handler> handlerFor(String path) {
        Handler handler = exact.get(path);
        Optional<Handler> below = longestPrefix(prefixes, path);
        if (handler == null) {
            return below;
        }
        return Optional.of(request -> {
            SimResponse answer = handler.handle(request);
            return answer != null || below.isEmpty() ? answer : below.get().handle(request);
        });
    }

    Optional<Handler> maintenanceAnswerFor(String path) {
        return longestPrefix(maintenanceAnswers, path);
    }

    private static Optional<Handler> longestPrefix(Map<String, Handler> table, String path) {
        for (String candidate = trimSlash(path); !candidate.isEmpty(); candidate = parent(candidate)) {
            Handler handler = table.get(candidate);
            if (handler != null) {
                return Optional.of(handler);
            }
        }
        return Optional.empty();
    }

    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "" : path.substring(0, slash);
    }

    private static String trimSlash(String path) {
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static void put(Map<String, Handler> table, String key, Handler handler) {
        if (table.putIfAbsent(key, handler) != null) {
            throw new IllegalStateException("route registered twice: " + key);
        }
    }
}
