package dev.ncmcp.simulator.deck;

import dev.ncmcp.simulator.Accounts;
import dev.ncmcp.simulator.NextcloudVersion;
import dev.ncmcp.simulator.SimRequest;

import java.util.Map;
import java.util.function.Function;

/** Runs one request against Deck's state, one request at a time, as the caller. */
final class DeckCalls {
    private final DeckState state = new DeckState();
    private final Accounts accounts;
    private final NextcloudVersion version;

    DeckCalls(Accounts accounts, NextcloudVersion version) {
        this.accounts = accounts;
        this.version = version;
    }

    <T> T run(SimRequest request, String user, Map<String, Long> routeParams, Function<DeckCall, T> action) {
        synchronized (state) {
            Access access = new Access(state, user);
            DeckCall call = new DeckCall(state, access, new DeckJson(state, accounts, version, access),
                    DeckParams.of(request, routeParams), request, DeckCall.currentTime());
            return action.apply(call);
        }
    }

    /** Runs {@code action} on the state outside any request (sample data). */
    <T> T seed(String user, Function<DeckCall, T> action) {
        return run(new SimRequest("POST", "/", "", Map.of(), new byte[0]), user, Map.of(), action);
    }
}
