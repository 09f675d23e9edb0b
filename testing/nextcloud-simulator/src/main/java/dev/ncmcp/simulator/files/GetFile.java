package dev.ncmcp.simulator.files;

import dev.ncmcp.simulator.SimResponse;

/**
 * GET and HEAD: a file's content with its secure MIME type ({@link MimeTypes}), or the "This is the
 * WebDAV interface" page for folders.
 */
final class GetFile implements MethodHandler {
    private static final String WEBDAV_PAGE = "This is the WebDAV interface. It can only be accessed by WebDAV "
            + "clients such as the Nextcloud desktop sync client.";

    @Override
    public SimResponse handle(FileRequest r) {
        boolean head = r.method().equals("HEAD");
        FileNode node = r.target().orElse(null);
        if (node == null) {
            return DavAnswers.notFound(r.relPath());
        }
        if (node.isFolder()) {
            return SimResponse.html(200, head ? "" : WEBDAV_PAGE);
        }
        SimResponse response = SimResponse.status(200)
                .header("Content-Type", MimeTypes.contentTypeHeader(MimeTypes.secure(DavProps.mime(node))))
                .header("ETag", DavAnswers.quoted(node.etag()))
                .header("OC-ETag", DavAnswers.quoted(node.etag()))
                .header("Last-Modified", DavProps.httpDate(node.mtime()))
                .header("Content-Disposition", DavAnswers.contentDisposition(node.name()));
        return head ? response : response.body(node.content().clone());
    }
}
