package dev.ncmcp.simulator.deck;

import dev.ncmcp.simulator.Accounts;
import dev.ncmcp.simulator.BasicAuth;
import dev.ncmcp.simulator.NextcloudVersion;
import dev.ncmcp.simulator.Routes;
import dev.ncmcp.simulator.SimulatorApp;
import dev.ncmcp.simulator.files.FileStore;

/** The Deck app: its REST and OCS routes, the card shares of the sharing API, and the demo's sample board. */
public final class DeckApp implements SimulatorApp {
    private final DeckCalls calls;
    private final DefaultBoard defaultBoard = new DefaultBoard();
    private final DeckRest rest;
    private final DeckOcs ocs;
    private final CardShareEndpoint shares;
    private final FileStore files;

    public DeckApp(BasicAuth auth, Accounts accounts, NextcloudVersion version, FileStore files) {
        this.files = files;
        this.calls = new DeckCalls(accounts, version);
        AttachmentEndpoints attachments = new AttachmentEndpoints(files, accounts);
        this.rest = new DeckRest(auth, calls, new BoardEndpoints(defaultBoard), new CardEndpoints(version, attachments),
                attachments);
        this.ocs = new DeckOcs(auth, version, calls);
        this.shares = new CardShareEndpoint(auth, accounts, version, files, calls);
    }

    @Override
    public void register(Routes routes) {
        routes.prefix(DeckRest.PREFIX, rest::handle)
                .prefix("/ocs/v2.php/apps/deck/api", ocs::handle)
                .prefix("/ocs/v1.php/apps/deck/api", ocs::handle)
                .exact(CardShareEndpoint.PATH, shares::handle);
    }

    @Override
    public void seedSampleData(String user) {
        calls.seed(user, call -> {
            defaultBoard.skipFor(user);
            SampleBoard.create(call, files);
            return null;
        });
    }
}
