package dev.ncmcp.simulator;

import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Entry point of every request: records it, applies injected failures and maintenance mode, and
 * dispatches through the {@link Routes} the apps registered. Also adapts Helidon requests/responses.
 */
final class SimulatorRouting {
    private static final String NOT_FOUND_PAGE = """
            <!DOCTYPE html>
            <html class="ng-csp" data-placeholder-focus="false" lang="en">
            <head><meta charset="utf-8"><title>Nextcloud</title></head>
            <body id="body-login">
            <h1 class="hidden-visually">Nextcloud</h1>
            <div class="guest-box"><h2>Page not found</h2>
            <p>The page could not be found on the server or you may not be allowed to see it.</p></div>
            </body>
            </html>
            """;

    private final Routes routes;
    private final Maintenance maintenance;
    private final FailureInjector failures;
    private final List<RecordedRequest> log = new ArrayList<>();

    SimulatorRouting(Routes routes, Maintenance maintenance, FailureInjector failures) {
        this.routes = routes;
        this.maintenance = maintenance;
        this.failures = failures;
    }

    /** Helidon handler. */
    void handle(ServerRequest req, ServerResponse res) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (Header h : req.headers()) {
            headers.computeIfAbsent(h.name().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).addAll(h.allValues());
        }
        byte[] body = req.content().hasEntity() ? req.content().as(byte[].class) : new byte[0];
        SimRequest request = new SimRequest(req.prologue().method().text().toUpperCase(Locale.ROOT),
                                            SimRequest.decodePath(req.path().rawPath()),
                                            req.query().rawValue(), headers, body);
        SimResponse response = dispatch(request);
        res.status(Status.create(response.status()));
        response.headers().forEach((name, value) -> res.header(HeaderNames.create(name), value));
        if (response.body().length == 0 || request.method().equals("HEAD")) {
            res.send();
        } else {
            res.send(response.body());
        }
    }

    SimResponse dispatch(SimRequest request) {
        synchronized (log) {
            log.add(new RecordedRequest(request.method(), request.path(), request.rawQuery(), request.headers()));
        }
        SimResponse injected = failures.next();
        if (injected != null) {
            return injected;
        }
        if (maintenance.enabled()) {
            var answer = routes.maintenanceAnswerFor(request.path());
            if (answer.isPresent()) {
                return answer.get().handle(request);
            }
        }
        return routes.handlerFor(request.path())
                .map(handler -> handler.handle(request))
                .orElseGet(() -> SimResponse.html(404, NOT_FOUND_PAGE));
    }

    List<RecordedRequest> requests() {
        synchronized (log) {
            return List.copyOf(log);
        }
    }

    void clearRequests() {
        synchronized (log) {
            log.clear();
        }
    }
}
