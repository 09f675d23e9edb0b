package dev.ncmcp.simulator.files;

import dev.ncmcp.simulator.SimResponse;
import dev.ncmcp.simulator.dav.DavXml;
import dev.ncmcp.simulator.dav.Multistatus;
import dev.ncmcp.simulator.dav.SabreError;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.util.ArrayList;
import java.util.List;

import static dev.ncmcp.simulator.dav.DavXml.DAV;
import static dev.ncmcp.simulator.dav.DavXml.OC;

/**
 * PROPPATCH: only {@code oc:favorite} is writable; anything else is refused with 403 (and the
 * rest of the request with 424).
 */
final class Proppatch implements MethodHandler {

    @Override
    public SimResponse handle(FileRequest r) {
        FileNode node = r.target().orElse(null);
        if (node == null) {
            return DavAnswers.notFound(r.relPath());
        }
        Element root = DavXml.parse(r.request().body()).map(Document::getDocumentElement).orElse(null);
        if (root == null || !DavXml.QName.of(root).is(DAV, "propertyupdate")) {
            return SabreError.response(400, SabreError.BAD_REQUEST,
                                       "The request body is not a valid {DAV:}propertyupdate");
        }
        List<Multistatus.Prop> ok = new ArrayList<>();
        List<Multistatus.Prop> forbidden = new ArrayList<>();
        for (Element action : DavXml.children(root)) {
            boolean set = DavXml.QName.of(action).is(DAV, "set");
            for (Element prop : DavXml.child(action, DAV, "prop").map(DavXml::children).orElse(List.of())) {
                DavXml.QName name = DavXml.QName.of(prop);
                if (name.is(OC, "favorite")) {
                    String value = prop.getTextContent().trim();
                    r.tree().setFavorite(node, set && (value.equals("1") || value.equalsIgnoreCase("true")));
                    ok.add(new Multistatus.Prop(name, null));
                } else {
                    forbidden.add(new Multistatus.Prop(name, null));
                }
            }
        }
        List<Multistatus.PropStat> stats = forbidden.isEmpty()
                ? List.of(new Multistatus.PropStat(200, ok))
                : List.of(new Multistatus.PropStat(403, forbidden), new Multistatus.PropStat(424, ok));
        return SimResponse.xml(207, new Multistatus().response(r.href(node), stats).build());
    }
}
