package dev.ncmcp.simulator;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.ncmcp.simulator.DavXml.DAV;
import static dev.ncmcp.simulator.DavXml.OC;

/**
 * WebDAV: {@code /remote.php/dav/} (principal, SEARCH), {@code /remote.php/dav/files/<user>/…} and
 * the legacy {@code /remote.php/webdav/…}.
 */
final class WebDavApi {
    static final String DAV_ROOT = "/remote.php/dav";
    static final String LEGACY_ROOT = "/remote.php/webdav";
    private static final String ALLOW = "OPTIONS, GET, HEAD, DELETE, PROPFIND, PUT, PROPPATCH, COPY, MOVE, REPORT";
    private static final String WEBDAV_PAGE = "This is the WebDAV interface. It can only be accessed by WebDAV "
            + "clients such as the Nextcloud desktop sync client.";

    private final Storage storage;
    private final BasicAuth auth;
    private final Accounts accounts;
    private final NextcloudVersion version;
    private final String instanceId;

    WebDavApi(Storage storage, BasicAuth auth, Accounts accounts, NextcloudVersion version, String instanceId) {
        this.storage = storage;
        this.auth = auth;
        this.accounts = accounts;
        this.version = version;
        this.instanceId = instanceId;
    }

    SimResponse handle(SimRequest request) {
        BasicAuth.Result who = auth.authenticate(request);
        if (!who.ok()) {
            return unauthenticated(request, who);
        }
        String user = who.user();
        String path = request.path();
        if (path.startsWith(LEGACY_ROOT)) {
            return files(request, user, user, LEGACY_ROOT + "/", path.substring(LEGACY_ROOT.length()));
        }
        String rest = path.substring(DAV_ROOT.length());
        List<String> segments = FileTree.segments(rest);
        if (segments.isEmpty()) {
            return davRoot(request, user);
        }
        if (segments.getFirst().equals("files") && segments.size() >= 2) {
            String owner = segments.get(1);
            String prefix = DAV_ROOT + "/files/" + owner + "/";
            String inner = rest.substring(rest.indexOf(owner) + owner.length());
            return files(request, user, owner, prefix, inner);
        }
        return DavXml.error(404, "Sabre\\DAV\\Exception\\NotFound",
                            "File with name " + segments.getLast() + " could not be located", null);
    }

    private SimResponse unauthenticated(SimRequest request, BasicAuth.Result who) {
        if (request.header("X-Requested-With").map("XMLHttpRequest"::equalsIgnoreCase).orElse(false)
                && who.kind() == BasicAuth.Kind.ANONYMOUS) {
            return DavXml.error(401, "Sabre\\DAV\\Exception\\NotAuthenticated", "Cannot authenticate over ajax calls", null)
                    .header("WWW-Authenticate", "DummyBasic realm=\"Nextcloud\"");
        }
        String message = who.kind() == BasicAuth.Kind.ANONYMOUS
                ? "No public access to this resource., AppAPIAuth has not passed, No 'Authorization: Basic' header "
                  + "found. Either the client didn't send one, or the server is misconfigured, No 'Authorization: "
                  + "Bearer' header found. Either the client didn't send one, or the server is mis-configured, No "
                  + "'Authorization: Basic' header found. Either the client didn't send one, or the server is misconfigured"
                : "No public access to this resource., AppAPIAuth has not passed, Username or password was incorrect, "
                  + "No 'Authorization: Bearer' header found. Either the client didn't send one, or the server is "
                  + "mis-configured, Username or password was incorrect";
        return DavXml.error(401, "Sabre\\DAV\\Exception\\NotAuthenticated", message, null)
                .header("WWW-Authenticate", "Basic realm=\"Nextcloud\", charset=\"UTF-8\"");
    }

    private SimResponse davRoot(SimRequest request, String user) {
        switch (request.method()) {
            case "OPTIONS":
                return options();
            case "PROPFIND": {
                List<DavXml.QName> props = requestedProps(request).orElse(List.of(DavProps.q(DAV, "resourcetype")));
                List<Multistatus.Prop> found = new ArrayList<>();
                List<Multistatus.Prop> missing = new ArrayList<>();
                for (DavXml.QName p : props) {
                    if (p.is(DAV, "current-user-principal")) {
                        found.add(new Multistatus.Prop(p, "<d:href>/remote.php/dav/principals/users/"
                                + DavXml.escape(user) + "/</d:href>"));
                    } else if (p.is(DAV, "resourcetype")) {
                        found.add(new Multistatus.Prop(p, "<d:collection/>"));
                    } else {
                        missing.add(new Multistatus.Prop(p, null));
                    }
                }
                String body = new Multistatus().response(DAV_ROOT + "/", List.of(
                        new Multistatus.PropStat(200, found), new Multistatus.PropStat(404, missing))).build();
                return SimResponse.xml(207, body);
            }
            case "SEARCH":
                return search(request, user);
            default:
                return notImplemented(request.method());
        }
    }

    private SimResponse files(SimRequest request, String user, String owner, String hrefPrefix, String innerPath) {
        String relPath = String.join("/", FileTree.segments(innerPath));
        if (!owner.equals(user)) {
            if (request.method().equals("PROPFIND") && relPath.isEmpty() && accounts.exists(owner)) {
                List<DavXml.QName> props = requestedProps(request).orElse(DavProps.ALLPROP_FOLDER);
                return SimResponse.xml(207, new Multistatus().response(hrefPrefix, DavProps.foreignRoot(props)).build());
            }
            return notFound(relPath);
        }
        DavProps props = new DavProps(user, accounts.displayName(user), instanceId);
        return storage.with(user, data -> new FileRequest(request, data.files(), props, hrefPrefix, relPath).handle());
    }

    /** One request on the caller's own tree, executed under the storage lock. */
    private final class FileRequest {
        private final SimRequest request;
        private final FileTree tree;
        private final DavProps props;
        private final String hrefPrefix;
        private final String relPath;

        FileRequest(SimRequest request, FileTree tree, DavProps props, String hrefPrefix, String relPath) {
            this.request = request;
            this.tree = tree;
            this.props = props;
            this.hrefPrefix = hrefPrefix;
            this.relPath = relPath;
        }

        SimResponse handle() {
            return switch (request.method()) {
                case "OPTIONS" -> options();
                case "GET", "HEAD" -> get();
                case "PUT" -> put();
                case "MKCOL" -> mkcol();
                case "DELETE" -> delete();
                case "MOVE", "COPY" -> moveOrCopy(request.method().equals("MOVE"));
                case "PROPFIND" -> propfind();
                case "PROPPATCH" -> proppatch();
                case "REPORT" -> report();
                default -> notImplemented(request.method());
            };
        }

        private SimResponse get() {
            FileNode node = tree.find(relPath).orElse(null);
            if (node == null) {
                return notFound(relPath);
            }
            if (node.isFolder()) {
                return SimResponse.html(200, request.method().equals("HEAD") ? "" : WEBDAV_PAGE);
            }
            String mime = DavProps.mime(node);
            String contentType = mime.startsWith("text/") || mime.equals("application/json")
                    ? mime + ";charset=UTF-8" : mime;
            SimResponse response = SimResponse.status(200)
                    .header("Content-Type", contentType)
                    .header("ETag", quoted(node.etag()))
                    .header("OC-ETag", quoted(node.etag()))
                    .header("Last-Modified", DavProps.httpDate(node.mtime()))
                    .header("Content-Disposition", contentDisposition(node.name()));
            return request.method().equals("HEAD") ? response : response.body(node.content().clone());
        }

        private SimResponse put() {
            Optional<FileNode> existing = tree.find(relPath);
            String ifMatch = request.header("If-Match").orElse(null);
            String ifNoneMatch = request.header("If-None-Match").orElse(null);
            List<String> segments = FileTree.segments(relPath);
            if (segments.isEmpty()) {
                return DavXml.error(405, "Sabre\\DAV\\Exception\\MethodNotAllowed",
                                    "PUT is not allowed on non-files.", null);
            }
            if (existing.isEmpty()) {
                String parentPath = String.join("/", segments.subList(0, segments.size() - 1));
                FileNode parent = tree.find(parentPath).orElse(null);
                if (parent == null || !parent.isFolder()) {
                    return notFound(firstMissing(parentPath));
                }
                if (ifMatch != null) {
                    return preconditionFailed("An If-Match header was specified and the resource did not exist",
                                              "If-Match");
                }
                FileNode file = tree.createFile(parent, segments.getLast(), request.body(), clientMtime());
                return written(201, file);
            }
            FileNode node = existing.get();
            if (node.isFolder()) {
                return DavXml.error(405, "Sabre\\DAV\\Exception\\MethodNotAllowed",
                                    "PUT is not allowed on non-files.", null);
            }
            if (ifNoneMatch != null && (ifNoneMatch.trim().equals("*") || etagListContains(ifNoneMatch, node.etag()))) {
                return preconditionFailed("An If-None-Match header was specified, but the ETag matched (or * was "
                                          + "specified).", "If-None-Match");
            }
            if (ifMatch != null && !etagListContains(ifMatch, node.etag())) {
                return preconditionFailed("An If-Match header was specified, but none of the specified ETags matched.",
                                          "If-Match").header("ETag", quoted(node.etag()));
            }
            tree.write(node, request.body(), clientMtime());
            return written(204, node);
        }

        private Long clientMtime() {
            return request.header("X-OC-Mtime").map(s -> {
                try {
                    return (long) Double.parseDouble(s.trim());
                } catch (NumberFormatException e) {
                    return null;
                }
            }).orElse(null);
        }

        private SimResponse written(int status, FileNode file) {
            SimResponse response = SimResponse.status(status).header("Content-Type", SimResponse.HTML)
                    .header("ETag", quoted(file.etag())).header("OC-ETag", quoted(file.etag()))
                    .header("OC-FileId", props.ocFileId(file));
            if (request.header("X-OC-Mtime").isPresent()) {
                response.header("X-OC-MTime", "accepted");
            }
            return response;
        }

        private SimResponse mkcol() {
            if (tree.find(relPath).isPresent()) {
                return DavXml.error(405, "Sabre\\DAV\\Exception\\MethodNotAllowed",
                                    "The resource you tried to create already exists", null).header("Allow", ALLOW);
            }
            List<String> segments = FileTree.segments(relPath);
            FileNode parent = tree.find(String.join("/", segments.subList(0, segments.size() - 1))).orElse(null);
            if (parent == null || !parent.isFolder()) {
                return DavXml.error(409, "Sabre\\DAV\\Exception\\Conflict", "Parent node does not exist", null);
            }
            FileNode folder = tree.createFolder(parent, segments.getLast());
            return SimResponse.status(201).header("Content-Type", SimResponse.HTML)
                    .header("OC-FileId", props.ocFileId(folder));
        }

        private SimResponse delete() {
            FileNode node = tree.find(relPath).orElse(null);
            if (node == null) {
                return notFound(relPath);
            }
            if (node == tree.root()) {
                return DavXml.error(403, "Sabre\\DAV\\Exception\\Forbidden", "Permission denied to delete this node",
                                    null);
            }
            String ifMatch = request.header("If-Match").orElse(null);
            if (ifMatch != null && !etagListContains(ifMatch, node.etag())) {
                return preconditionFailed("An If-Match header was specified, but none of the specified ETags matched.",
                                          "If-Match");
            }
            tree.delete(node);
            return SimResponse.status(204).header("Content-Type", SimResponse.HTML);
        }

        private SimResponse moveOrCopy(boolean move) {
            FileNode source = tree.find(relPath).orElse(null);
            if (source == null) {
                return notFound(relPath);
            }
            String destination = request.header("Destination").orElse(null);
            if (destination == null) {
                return DavXml.error(400, "Sabre\\DAV\\Exception\\BadRequest",
                                    "The destination header was not supplied", null);
            }
            String destPath;
            try {
                destPath = SimRequest.decodePath(URI.create(destination.trim()).getRawPath());
            } catch (IllegalArgumentException e) {
                return DavXml.error(400, "Sabre\\DAV\\Exception\\BadRequest", "Invalid destination URL", null);
            }
            String prefixNoSlash = hrefPrefix.substring(0, hrefPrefix.length() - 1);
            if (!(destPath.equals(prefixNoSlash) || destPath.startsWith(hrefPrefix))) {
                return DavXml.error(403, "Sabre\\DAV\\Exception\\Forbidden",
                                    "The destination is outside of this user's files", null);
            }
            String destRel = String.join("/", FileTree.segments(destPath.substring(prefixNoSlash.length())));
            List<String> destSegments = FileTree.segments(destRel);
            if (destSegments.isEmpty() || source == tree.root()) {
                return DavXml.error(403, "Sabre\\DAV\\Exception\\Forbidden", "Cannot move or copy the root", null);
            }
            FileNode destParent = tree.find(String.join("/", destSegments.subList(0, destSegments.size() - 1)))
                    .filter(FileNode::isFolder).orElse(null);
            if (destParent == null) {
                return DavXml.error(409, "Sabre\\DAV\\Exception\\Conflict",
                                    "The destination node is not found", null);
            }
            if (source.isFolder() && (destParent == source || source.isAncestorOf(destParent))) {
                return DavXml.error(409, "Sabre\\DAV\\Exception\\Conflict",
                                    "Cannot move or copy a folder into itself", null);
            }
            FileNode target = destParent.child(destSegments.getLast());
            if (target == source) {
                return DavXml.error(403, "Sabre\\DAV\\Exception\\Forbidden",
                                    "Source and destination uri are identical.", null);
            }
            boolean overwrite = !request.header("Overwrite").map(o -> o.trim().equalsIgnoreCase("F")).orElse(false);
            if (target != null && !overwrite) {
                return preconditionFailed("The destination node already exists, and the overwrite header is set to "
                                          + "false", "Overwrite");
            }
            if (target != null) {
                tree.delete(target);
            }
            int status = target != null ? 204 : 201;
            SimResponse response = SimResponse.status(status).header("Content-Type", SimResponse.HTML);
            if (move) {
                tree.move(source, destParent, destSegments.getLast());
                if (!source.isFolder()) {
                    response.header("ETag", quoted(source.etag())).header("OC-ETag", quoted(source.etag()));
                }
                return response.header("OC-FileId", props.ocFileId(source));
            }
            FileNode copy = tree.copy(source, destParent, destSegments.getLast());
            return response.header("OC-FileId", props.ocFileId(copy));
        }

        private SimResponse propfind() {
            FileNode node = tree.find(relPath).orElse(null);
            if (node == null) {
                return notFound(relPath);
            }
            Optional<List<DavXml.QName>> requested = requestedProps(request);
            String depth = request.header("Depth").orElse("1").trim();
            Multistatus ms = new Multistatus();
            ms.response(href(node), props.propStats(node, requested.orElse(allprop(node))));
            if (node.isFolder() && !depth.equals("0")) {
                for (FileNode child : node.children()) {
                    ms.response(href(child), props.propStats(child, requested.orElse(allprop(child))));
                }
            }
            return SimResponse.xml(207, ms.build());
        }

        private SimResponse proppatch() {
            FileNode node = tree.find(relPath).orElse(null);
            if (node == null) {
                return notFound(relPath);
            }
            Element root = DavXml.parse(request.body()).map(Document::getDocumentElement).orElse(null);
            if (root == null || !DavXml.QName.of(root).is(DAV, "propertyupdate")) {
                return DavXml.error(400, "Sabre\\DAV\\Exception\\BadRequest", "The request body is not a valid "
                        + "{DAV:}propertyupdate", null);
            }
            List<Multistatus.Prop> ok = new ArrayList<>();
            List<Multistatus.Prop> forbidden = new ArrayList<>();
            for (Element action : DavXml.children(root)) {
                boolean set = DavXml.QName.of(action).is(DAV, "set");
                for (Element prop : DavXml.child(action, DAV, "prop").map(DavXml::children).orElse(List.of())) {
                    DavXml.QName name = DavXml.QName.of(prop);
                    if (name.is(OC, "favorite")) {
                        String value = prop.getTextContent().trim();
                        tree.setFavorite(node, set && (value.equals("1") || value.equalsIgnoreCase("true")));
                        ok.add(new Multistatus.Prop(name, null));
                    } else {
                        forbidden.add(new Multistatus.Prop(name, null));
                    }
                }
            }
            List<Multistatus.PropStat> stats = forbidden.isEmpty()
                    ? List.of(new Multistatus.PropStat(200, ok))
                    : List.of(new Multistatus.PropStat(403, forbidden), new Multistatus.PropStat(424, ok));
            return SimResponse.xml(207, new Multistatus().response(href(node), stats).build());
        }

        private SimResponse report() {
            FileNode node = tree.find(relPath).orElse(null);
            if (node == null) {
                return notFound(relPath);
            }
            Element root = DavXml.parse(request.body()).map(Document::getDocumentElement).orElse(null);
            if (root == null || !DavXml.QName.of(root).is(OC, "filter-files")) {
                return DavXml.error(415, "Sabre\\DAV\\Exception\\ReportNotSupported",
                                    "The REPORT is not supported on this url.", null);
            }
            List<DavXml.QName> wanted = DavXml.child(root, DAV, "prop")
                    .map(p -> DavXml.children(p).stream().map(DavXml.QName::of).toList())
                    .orElse(List.of(DavProps.q(DAV, "resourcetype")));
            boolean onlyFavorites = DavXml.child(root, OC, "filter-rules")
                    .flatMap(r -> DavXml.child(r, OC, "favorite"))
                    .map(f -> f.getTextContent().trim().equals("1")).orElse(false);
            Multistatus ms = new Multistatus();
            for (FileNode n : tree.descendants(node)) {
                if (n != node && (!onlyFavorites || n.favorite())) {
                    ms.response(href(n), props.propStats(n, wanted));
                }
            }
            return SimResponse.xml(207, ms.build());
        }

        private String href(FileNode node) {
            String encoded = encodePath(node.path());
            String base = encoded.isEmpty() ? hrefPrefix : hrefPrefix + encoded;
            return node.isFolder() && !encoded.isEmpty() ? base + "/" : base;
        }

        private List<DavXml.QName> allprop(FileNode node) {
            return node.isFolder() ? DavProps.ALLPROP_FOLDER : DavProps.ALLPROP_FILE;
        }

        /** The shortest missing prefix of a path (what Sabre reports for a missing parent). */
        private String firstMissing(String path) {
            List<String> segments = FileTree.segments(path);
            for (int i = 1; i <= segments.size(); i++) {
                String prefix = String.join("/", segments.subList(0, i));
                if (tree.find(prefix).isEmpty()) {
                    return prefix;
                }
            }
            return path;
        }
    }

    private SimResponse search(SimRequest request, String user) {
        Element root = DavXml.parse(request.body()).map(Document::getDocumentElement).orElse(null);
        DavSearch search = root == null ? null : DavSearch.parse(root).orElse(null);
        if (search == null) {
            return DavXml.error(400, "Sabre\\DAV\\Exception\\BadRequest", "Invalid search request", null);
        }
        List<String> scope = FileTree.segments(search.scopeHref());
        if (scope.size() < 2 || !scope.get(0).equals("files") || !scope.get(1).equals(user)) {
            return DavXml.error(400, "Sabre\\DAV\\Exception\\BadRequest",
                                "Invalid search scope, only searching in your own files is supported", null);
        }
        String scopePath = String.join("/", scope.subList(2, scope.size()));
        DavProps props = new DavProps(user, accounts.displayName(user), instanceId);
        String prefix = DAV_ROOT + "/files/" + user + "/";
        String body = storage.with(user, data -> {
            FileNode scopeNode = data.files().find(scopePath).orElse(null);
            Multistatus ms = new Multistatus();
            if (scopeNode != null) {
                for (FileNode hit : search.run(data.files(), scopeNode)) {
                    String href = prefix + encodePath(hit.path()) + (hit.isFolder() ? "/" : "");
                    ms.response(href, props.propStats(hit, search.select()));
                }
            }
            return ms.build();
        });
        return SimResponse.xml(207, body).header("Content-Type", "application/xml; charset=\"utf-8\"");
    }

    private static Optional<List<DavXml.QName>> requestedProps(SimRequest request) {
        Element root = DavXml.parse(request.body()).map(Document::getDocumentElement).orElse(null);
        if (root == null) {
            return Optional.empty();
        }
        return DavXml.child(root, DAV, "prop")
                .map(p -> DavXml.children(p).stream().map(DavXml.QName::of).toList());
    }

    private SimResponse options() {
        return SimResponse.status(200).header("Content-Type", SimResponse.HTML)
                .header("Allow", ALLOW).header("DAV", version.davComplianceClasses());
    }

    private static SimResponse notImplemented(String method) {
        return DavXml.error(501, "Sabre\\DAV\\Exception\\NotImplemented",
                            "There was no plugin in the system that was willing to handle this " + method + " method.",
                            null);
    }

    private static SimResponse preconditionFailed(String message, String header) {
        return DavXml.error(412, "Sabre\\DAV\\Exception\\PreconditionFailed", message, header);
    }

    /** Sabre's message quirk: top-level names are reported with a double slash. */
    private static SimResponse notFound(String relPath) {
        String shown = relPath.contains("/") ? "/" + relPath : "//" + relPath;
        return DavXml.error(404, "Sabre\\DAV\\Exception\\NotFound",
                            "File with name " + shown + " could not be located", null);
    }

    private static boolean etagListContains(String header, String etag) {
        for (String candidate : header.split(",")) {
            String c = candidate.trim();
            if (c.equals("*") || c.equals(quoted(etag)) || c.equals(etag)) {
                return true;
            }
        }
        return false;
    }

    private static String quoted(String etag) {
        return "\"" + etag + "\"";
    }

    static String encodePath(String path) {
        StringBuilder out = new StringBuilder();
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "-._~!$&'()*+,;=:@/".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }

    private static String contentDisposition(String name) {
        String encoded = encodePath(name).replace("/", "%2F");
        return "attachment; filename*=UTF-8''" + encoded + "; filename=\"" + name.replace("\"", "\\\"") + "\"";
    }
}
