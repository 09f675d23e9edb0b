package dev.ncmcp.simulator.sharing;

import dev.ncmcp.simulator.Accounts;
import dev.ncmcp.simulator.BasicAuth;
import dev.ncmcp.simulator.NextcloudVersion;
import dev.ncmcp.simulator.PathSegments;
import dev.ncmcp.simulator.RequestFields;
import dev.ncmcp.simulator.Routes;
import dev.ncmcp.simulator.SimRequest;
import dev.ncmcp.simulator.SimResponse;
import dev.ncmcp.simulator.SimulatorApp;
import dev.ncmcp.simulator.dav.DavMaintenance;
import dev.ncmcp.simulator.files.FileNode;
import dev.ncmcp.simulator.files.FileStore;
import dev.ncmcp.simulator.files.FileTree;
import dev.ncmcp.simulator.ocs.OcsEnvelope;
import dev.ncmcp.simulator.ocs.OcsGate;
import jakarta.json.JsonValue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** The files_sharing app: its OCS routes, public links, and a shared file and folder in the demo. */
public final class SharingApp implements SimulatorApp {
    private static final String API = "/apps/files_sharing/api/v1";

    private final BasicAuth auth;
    private final NextcloudVersion version;
    private final FileStore files;
    private final ShareStore store = new ShareStore();
    private final ShareQueries queries;
    private final ShareCommands commands;
    private final Sharees sharees;
    private final PublicLinks links;

    public SharingApp(FileStore files, BasicAuth auth, Accounts accounts, NextcloudVersion version,
                      Supplier<String> baseUrl) {
        this.auth = auth;
        this.version = version;
        this.files = files;
        SharedNodes nodes = new SharedNodes(files);
        ShareAccess access = new ShareAccess(accounts);
        ShareJson json = new ShareJson(accounts, version, baseUrl);
        this.queries = new ShareQueries(store, nodes, access, json);
        this.commands = new ShareCommands(store, nodes, access, json, accounts);
        this.sharees = new Sharees(accounts);
        this.links = new PublicLinks(store, nodes, version, baseUrl);
    }

    @Override
    public void register(Routes routes) {
        routes.prefix("/ocs/v2.php" + API, this::ocs)
                .prefix("/ocs/v1.php" + API, this::ocs)
                .prefix(PublicLinks.DOWNLOAD_PREFIX, links::download)
                .prefix(PublicLinks.DAV_PREFIX, links::dav)
                .entryPoint("/public.php", DavMaintenance::answer);
    }

    /** A file shared with every other user, and a public link to it. */
    @Override
    public void seedSampleData(String user) {
        long fileId = files.with(user, tree -> {
            FileNode shared = tree.mkdirs("Shared");
            return tree.createFile(shared, "Team agenda.md",
                    "# Team agenda\n\n- planning\n- demo\n".getBytes(StandardCharsets.UTF_8), null).id();
        });
        synchronized (store) {
            Share link = store.add(ShareType.LINK, user, fileId, null, FileTree.now());
            link.permissions = ShareParameters.READ | ShareParameters.SHARE;
            link.label = "Agenda for guests";
        }
    }

    private SimResponse ocs(SimRequest request) {
        OcsEnvelope ocs = OcsEnvelope.forRequest(request);
        BasicAuth.Result who = auth.authenticate(request);
        Optional<SimResponse> refused = OcsGate.refusal(request, who, version);
        if (refused.isPresent()) {
            return refused.get();
        }
        if (!who.ok()) {
            return ocs.failure(997, "Current user is not logged in");
        }
        List<String> route = PathSegments.of(request.path().replaceFirst("^/ocs/v[12]\\.php" + API, ""));
        try {
            synchronized (store) {
                return ocs.ok(answer(request, who.user(), route));
            }
        } catch (OcsFailure failure) {
            return ocs.failure(failure.status, failure.getMessage());
        }
    }

    private JsonValue answer(SimRequest request, String user, List<String> route) {
        String method = request.method();
        if (route.equals(List.of("shares"))) {
            return switch (method) {
                case "GET" -> queries.list(user, request.queryParams());
                case "POST" -> commands.create(user, RequestFields.of(request));
                default -> throw unknownRoute();
            };
        }
        if (route.size() == 2 && route.get(0).equals("shares") && route.get(1).matches("\\d{1,18}")) {
            long id = Long.parseLong(route.get(1));
            return switch (method) {
                case "GET" -> queries.get(user, id);
                case "PUT" -> commands.update(user, id, RequestFields.of(request));
                case "DELETE" -> commands.delete(user, id);
                default -> throw unknownRoute();
            };
        }
        if (route.equals(List.of("sharees")) && method.equals("GET")) {
            return sharees.search(user, request.queryParam("search").orElse(""));
        }
        throw unknownRoute();
    }

    private static OcsFailure unknownRoute() {
        return new OcsFailure(998, OcsEnvelope.INVALID_QUERY);
    }
}
