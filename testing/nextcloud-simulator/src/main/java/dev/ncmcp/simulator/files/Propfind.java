package dev.ncmcp.simulator.files;

import dev.ncmcp.simulator.SimResponse;
import dev.ncmcp.simulator.dav.DavXml;
import dev.ncmcp.simulator.dav.Multistatus;

import java.util.List;
import java.util.Optional;

/**
 * PROPFIND with Depth 0 or 1 ({@code infinity} is answered like 1, as Nextcloud does).
 */
final class Propfind implements MethodHandler {

    @Override
    public SimResponse handle(FileRequest r) {
        FileNode node = r.target().orElse(null);
        if (node == null) {
            return DavAnswers.notFound(r.relPath());
        }
        Optional<List<DavXml.QName>> requested = DavProps.requested(r.request());
        String depth = r.header("Depth").orElse("1").trim();
        Multistatus ms = new Multistatus();
        ms.response(r.href(node), r.props().propStats(node, requested.orElse(DavProps.allprop(node))));
        if (node.isFolder() && !depth.equals("0")) {
            for (FileNode child : node.children()) {
                ms.response(r.href(child), r.props().propStats(child, requested.orElse(DavProps.allprop(child))));
            }
        }
        return SimResponse.xml(207, ms.build());
    }
}
