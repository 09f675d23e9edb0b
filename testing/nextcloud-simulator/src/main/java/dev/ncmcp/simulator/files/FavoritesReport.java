package dev.ncmcp.simulator.files;

import dev.ncmcp.simulator.SimResponse;
import dev.ncmcp.simulator.dav.DavXml;
import dev.ncmcp.simulator.dav.Multistatus;
import dev.ncmcp.simulator.dav.SabreError;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.util.List;

import static dev.ncmcp.simulator.dav.DavXml.DAV;
import static dev.ncmcp.simulator.dav.DavXml.OC;

/**
 * REPORT {@code oc:filter-files}: everything below the folder, or only the favorites.
 */
final class FavoritesReport implements MethodHandler {

    @Override
    public SimResponse handle(FileRequest r) {
        FileNode node = r.target().orElse(null);
        if (node == null) {
            return DavAnswers.notFound(r.relPath());
        }
        Element root = DavXml.parse(r.request().body()).map(Document::getDocumentElement).orElse(null);
        if (root == null || !DavXml.QName.of(root).is(OC, "filter-files")) {
            return SabreError.response(415, SabreError.REPORT_NOT_SUPPORTED, "The REPORT is not supported on this url.");
        }
        List<DavXml.QName> wanted = DavXml.child(root, DAV, "prop")
                .map(p -> DavXml.children(p).stream().map(DavXml.QName::of).toList())
                .orElse(List.of(DavProps.q(DAV, "resourcetype")));
        boolean onlyFavorites = DavXml.child(root, OC, "filter-rules")
                .flatMap(rules -> DavXml.child(rules, OC, "favorite"))
                .map(f -> f.getTextContent().trim().equals("1")).orElse(false);
        Multistatus ms = new Multistatus();
        for (FileNode n : r.tree().descendants(node)) {
            if (n != node && (!onlyFavorites || n.favorite())) {
                ms.response(r.href(n), r.props().propStats(n, wanted));
            }
        }
        return SimResponse.xml(207, ms.build());
    }
}
