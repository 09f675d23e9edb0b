package dev.ncmcp.simulator.files;

import dev.ncmcp.simulator.NextcloudVersion;
import dev.ncmcp.simulator.PathSegments;
import dev.ncmcp.simulator.SimRequest;
import dev.ncmcp.simulator.SimResponse;
import dev.ncmcp.simulator.dav.DavXml;
import dev.ncmcp.simulator.dav.Multistatus;
import dev.ncmcp.simulator.dav.SabreError;

import java.util.ArrayList;
import java.util.List;

import static dev.ncmcp.simulator.dav.DavXml.DAV;

/**
 * {@code /remote.php/dav/} itself (OPTIONS, the current-user-principal PROPFIND, SEARCH) and the
 * 404 of collections nobody simulates.
 */
final class DavRoot {
    private final NextcloudVersion version;
    private final FileSearch search;

    DavRoot(NextcloudVersion version, FileSearch search) {
        this.version = version;
        this.search = search;
    }

    SimResponse handle(SimRequest request, String user) {
        if (!PathSegments.of(request.path().substring(FilesApp.DAV_ROOT.length())).isEmpty()) {
            return unknownCollection(request);
        }
        return switch (request.method()) {
            case "OPTIONS" -> DavAnswers.options(version);
            case "PROPFIND" -> principal(request, user);
            case "SEARCH" -> search.handle(request, user);
            default -> DavAnswers.notImplemented(request.method());
        };
    }

    static SimResponse unknownCollection(SimRequest request) {
        List<String> segments = PathSegments.of(request.path());
        return SabreError.response(404, SabreError.NOT_FOUND,
                                   "File with name " + segments.getLast() + " could not be located");
    }

    private static SimResponse principal(SimRequest request, String user) {
        List<DavXml.QName> props = DavProps.requested(request).orElse(List.of(DavProps.q(DAV, "resourcetype")));
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
        String body = new Multistatus().response(FilesApp.DAV_ROOT + "/", List.of(
                new Multistatus.PropStat(200, found), new Multistatus.PropStat(404, missing))).build();
        return SimResponse.xml(207, body);
    }
}
