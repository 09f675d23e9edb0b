package dev.ncmcp.simulator.caldav;

import dev.ncmcp.simulator.SimRequest;
import dev.ncmcp.simulator.dav.DavXml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.util.List;
import java.util.Optional;

import static dev.ncmcp.simulator.dav.DavXml.DAV;

/** A request below a calendar home: the owner, calendar and object it names, and its PROPFIND properties. */
record CalendarRequest(SimRequest request, String user, String home, Optional<String> calendar,
                       Optional<String> object) {

    String calendarHref() {
        return home + calendar.orElseThrow() + "/";
    }

    String objectHref(String name) {
        return calendarHref() + name;
    }

    int depth() {
        return request.header("Depth").map(d -> d.equals("0") ? 0 : 1).orElse(1);
    }

    Optional<Element> body() {
        return DavXml.parse(request.body()).map(Document::getDocumentElement);
    }

    /** The properties a PROPFIND names; allprop gets the common ones. */
    List<DavXml.QName> requested() {
        return body().flatMap(root -> DavXml.child(root, DAV, "prop"))
                .map(p -> DavXml.children(p).stream().map(DavXml.QName::of).toList())
                .orElse(List.of(new DavXml.QName(DAV, "resourcetype"), new DavXml.QName(DAV, "displayname"),
                        new DavXml.QName(DAV, "getetag")));
    }
}
