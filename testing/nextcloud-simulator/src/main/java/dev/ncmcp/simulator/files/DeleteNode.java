package dev.ncmcp.simulator.files;

import dev.ncmcp.simulator.SimResponse;
import dev.ncmcp.simulator.dav.SabreError;

/**
 * DELETE: removes a file or folder for good (the trash bin is not simulated).
 */
final class DeleteNode implements MethodHandler {

    @Override
    public SimResponse handle(FileRequest r) {
        FileNode node = r.target().orElse(null);
        if (node == null) {
            return r.header("If-Match").isPresent()
                    ? DavAnswers.preconditionFailed("An If-Match header was specified and the resource did not exist",
                                                    "If-Match")
                    : DavAnswers.notFound(r.relPath());
        }
        if (node == r.tree().root()) {
            return SabreError.response(403, SabreError.FORBIDDEN, "Permission denied to delete this node");
        }
        String ifMatch = r.header("If-Match").orElse(null);
        if (ifMatch != null && !DavAnswers.etagListContains(ifMatch, node.etag())) {
            return DavAnswers.preconditionFailed("An If-Match header was specified, but none of the specified ETags "
                                                 + "matched.", "If-Match");
        }
        r.tree().delete(node);
        return SimResponse.status(204).header("Content-Type", SimResponse.HTML);
    }
}
