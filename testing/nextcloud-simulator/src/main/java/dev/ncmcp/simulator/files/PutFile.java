package dev.ncmcp.simulator.files;

import dev.ncmcp.simulator.PathSegments;
import dev.ncmcp.simulator.SimResponse;
import dev.ncmcp.simulator.dav.SabreError;

import java.util.List;
import java.util.Optional;

/**
 * PUT: creates (201) or overwrites (204) a file, honouring If-Match and If-None-Match. Sabre checks
 * the preconditions ({@code Server::checkPreconditions}) before the PUT handler
 * ({@code CorePlugin::httpPut}) looks at the target, so a stale If-Match on a missing file is a 412,
 * not a 404. Then come the quota ({@link QuotaCheck}) and, for a new file, the name checks
 * ({@link FilenameRules}).
 */
final class PutFile implements MethodHandler {

    @Override
    public SimResponse handle(FileRequest r) {
        Optional<FileNode> existing = r.target();
        String ifMatch = r.header("If-Match").orElse(null);
        String ifNoneMatch = r.header("If-None-Match").orElse(null);
        if (existing.isEmpty()) {
            if (ifMatch != null) {
                return DavAnswers.preconditionFailed("An If-Match header was specified and the resource did not exist",
                                                     "If-Match");
            }
            FileNode parent = r.tree().find(r.parentPath()).orElse(null);
            if (parent == null || !parent.isFolder()) {
                return DavAnswers.notFound(firstMissing(r.tree(), r.parentPath()));
            }
            Optional<SimResponse> full = QuotaCheck.refuse(r, r.relPath());
            if (full.isPresent()) {
                return full.get();
            }
            String name = r.segments().getLast();
            Optional<String> invalid = FilenameRules.creationViolation(name);
            if (invalid.isPresent()) {
                return SabreError.invalidPath(invalid.get());
            }
            FileNode file = r.tree().createFile(parent, name, r.request().body(), clientMtime(r));
            return written(r, 201, file);
        }
        FileNode node = existing.get();
        if (ifNoneMatch != null && (ifNoneMatch.trim().equals("*")
                || DavAnswers.etagListContains(ifNoneMatch, node.etag()))) {
            return DavAnswers.preconditionFailed("An If-None-Match header was specified, but the ETag matched (or * "
                                                 + "was specified).", "If-None-Match");
        }
        if (ifMatch != null && (node.isFolder() || !DavAnswers.etagListContains(ifMatch, node.etag()))) {
            return DavAnswers.preconditionFailed("An If-Match header was specified, but none of the specified ETags "
                                                 + "matched.", "If-Match").header("ETag", DavAnswers.quoted(node.etag()));
        }
        if (node.isFolder()) {
            return SabreError.response(409, SabreError.CONFLICT, "PUT is not allowed on non-files.");
        }
        Optional<SimResponse> full = QuotaCheck.refuse(r, r.relPath());
        if (full.isPresent()) {
            return full.get();
        }
        r.tree().write(node, r.request().body(), clientMtime(r));
        return written(r, 204, node);
    }

    private static Long clientMtime(FileRequest r) {
        return r.header("X-OC-Mtime").map(s -> {
            try {
                return (long) Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }).orElse(null);
    }

    private static SimResponse written(FileRequest r, int status, FileNode file) {
        SimResponse response = SimResponse.status(status).header("Content-Type", SimResponse.HTML)
                .header("ETag", DavAnswers.quoted(file.etag())).header("OC-ETag", DavAnswers.quoted(file.etag()))
                .header("OC-FileId", r.props().ocFileId(file));
        if (r.header("X-OC-Mtime").isPresent()) {
            response.header("X-OC-MTime", "accepted");
        }
        return response;
    }

    /** The shortest missing prefix of a path (what Sabre reports for a missing parent). */
    private static String firstMissing(FileTree tree, String path) {
        List<String> segments = PathSegments.of(path);
        for (int i = 1; i <= segments.size(); i++) {
            String prefix = String.join("/", segments.subList(0, i));
            if (tree.find(prefix).isEmpty()) {
                return prefix;
            }
        }
        return path;
    }
}
