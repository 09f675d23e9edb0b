package dev.ncmcp.simulator.files;

import dev.ncmcp.simulator.Accounts;
import dev.ncmcp.simulator.BasicAuth;
import dev.ncmcp.simulator.NextcloudVersion;
import dev.ncmcp.simulator.Routes;
import dev.ncmcp.simulator.SimulatorApp;
import dev.ncmcp.simulator.dav.DavAuth;

import java.nio.charset.StandardCharsets;

/**
 * The Files app over WebDAV: {@code /remote.php/dav/} (principal, SEARCH), the user files below
 * {@code /remote.php/dav/files/<user>/} and the legacy {@code /remote.php/webdav/}.
 */
public final class FilesApp implements SimulatorApp {
    static final String DAV_ROOT = "/remote.php/dav";
    static final String FILES_ROOT = DAV_ROOT + "/files";
    static final String LEGACY_ROOT = "/remote.php/webdav";

    private final FileStore store;
    private final DavAuth auth;
    private final DavRoot root;
    private final FilesEndpoint files;

    public FilesApp(FileStore store, BasicAuth auth, Accounts accounts, NextcloudVersion version, String instanceId) {
        this.store = store;
        this.auth = new DavAuth(auth);
        this.root = new DavRoot(version, new FileSearch(store, accounts, instanceId));
        this.files = new FilesEndpoint(store, accounts, version, instanceId);
    }

    @Override
    public void register(Routes routes) {
        routes.prefix(DAV_ROOT, auth.requireUser(root::handle))
                .prefix(FILES_ROOT, auth.requireUser(files::files))
                .prefix(LEGACY_ROOT, auth.requireUser(files::legacy));
    }

    @Override
    public void seedSampleData(String user) {
        store.with(user, tree -> {
            FileNode documents = tree.mkdirs("Documents");
            tree.createFile(documents, "Readme.md", bytes("# Documents\n\nSample files of the simulator.\n"), null);
            tree.createFile(documents, "Project plan.txt", bytes("1. plan\n2. build\n3. ship\n"), null);
            tree.createFile(documents, "data.json", bytes("{\"answer\":42}\n"), null);
            tree.mkdirs("Photos");
            return null;
        });
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
