package dev.ncmcp.simulator.carddav;

import dev.ncmcp.simulator.PathSegments;
import dev.ncmcp.simulator.SimRequest;
import dev.ncmcp.simulator.SimResponse;
import dev.ncmcp.simulator.dav.DavCollection;
import dev.ncmcp.simulator.dav.DavXml;
import dev.ncmcp.simulator.dav.Multistatus;
import dev.ncmcp.simulator.dav.SabreError;
import dev.ncmcp.simulator.dav.StoredObject;
import dev.ncmcp.simulator.dav.TextMatch;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static dev.ncmcp.simulator.dav.DavXml.DAV;
import static dev.ncmcp.simulator.dav.Multistatus.CALENDARSERVER;
import static dev.ncmcp.simulator.dav.Multistatus.CARDDAV;

/** {@code /remote.php/dav/addressbooks/users/<user>/…}: the address book home, address books and vCards. */
final class AddressBookEndpoint {
    static final String ROOT = "/remote.php/dav/addressbooks/users/";
    private static final List<String> OWNER_PRIVILEGES = List.of("d:write", "d:write-properties", "d:write-content",
            "d:unlock", "d:bind", "d:unbind", "d:write-acl", "d:read", "d:read-acl", "d:read-current-user-privilege-set");

    private final AddressBookStore store;

    AddressBookEndpoint(AddressBookStore store) {
        this.store = store;
    }

    SimResponse handle(SimRequest request, String user) {
        List<String> segments = PathSegments.of(request.path().substring(ROOT.length()));
        if (segments.isEmpty() || !segments.getFirst().equals(user) || segments.size() > 3) {
            return bookNotFound(segments.isEmpty() ? "users" : segments.getLast());
        }
        String home = ROOT + user + "/";
        Element body = DavXml.parse(request.body()).map(Document::getDocumentElement).orElse(null);
        return store.with(user, books -> {
            if (segments.size() == 1) {
                return request.method().equals("PROPFIND") ? home(request, home, books, user, body)
                        : SabreError.response(501, SabreError.NOT_IMPLEMENTED, "Not implemented");
            }
            String id = segments.get(1);
            String bookHref = home + id + "/";
            DavCollection book = books.get(id);
            if (request.method().equals("MKCOL") && segments.size() == 2) {
                if (book != null) {
                    return SabreError.response(405, SabreError.METHOD_NOT_ALLOWED,
                            "The resource you tried to create already exists");
                }
                DavCollection made = AddressBookStore.book(id, null);
                Optional.ofNullable(body).flatMap(b -> DavXml.find(b, DAV, "prop")).ifPresent(prop -> {
                    DavXml.child(prop, DAV, "displayname").ifPresent(n -> made.properties().put("displayname",
                            n.getTextContent()));
                    DavXml.child(prop, CARDDAV, "addressbook-description").ifPresent(d -> made.properties()
                            .put("addressbook-description", d.getTextContent()));
                });
                books.put(id, made);
                return SimResponse.status(201).header("Content-Type", SimResponse.HTML);
            }
            if (book == null) {
                return bookNotFound(id);
            }
            if (segments.size() == 3) {
                return card(request, book, bookHref, segments.get(2), body);
            }
            return switch (request.method()) {
                case "PROPFIND" -> {
                    Multistatus ms = Multistatus.carddav();
                    List<DavXml.QName> props = requested(body);
                    ms.response(bookHref, bookProps(ms, book, id, props));
                    if (depth(request) > 0) {
                        book.objects().forEach((name, card) -> ms.response(bookHref + name, cardProps(card, props)));
                    }
                    yield SimResponse.xml(207, ms.build());
                }
                case "REPORT" -> report(book, bookHref, body);
                case "DELETE" -> {
                    if (book.property("read-only").isPresent()) {
                        yield SabreError.response(403, SabreError.FORBIDDEN, "Permission denied to delete node");
                    }
                    books.remove(id);
                    yield SimResponse.status(204).header("Content-Type", SimResponse.HTML);
                }
                default -> SabreError.response(501, SabreError.NOT_IMPLEMENTED, "Not implemented");
            };
        });
    }

    private static SimResponse bookNotFound(String name) {
        return SabreError.response(404, SabreError.NOT_FOUND, "Addressbook with name '" + name
                + "' could not be found");
    }

    private static int depth(SimRequest request) {
        return request.header("Depth").map(d -> d.equals("0") ? 0 : 1).orElse(1);
    }

    private static List<DavXml.QName> requested(Element body) {
        return Optional.ofNullable(body).flatMap(b -> DavXml.child(b, DAV, "prop"))
                .map(p -> DavXml.children(p).stream().map(DavXml.QName::of).toList())
                .orElse(List.of(new DavXml.QName(DAV, "resourcetype"), new DavXml.QName(DAV, "getetag")));
    }

    private static SimResponse home(SimRequest request, String home, Map<String, DavCollection> books, String user,
                                    Element body) {
        Multistatus ms = Multistatus.carddav();
        List<DavXml.QName> props = requested(body);
        List<Multistatus.Prop> found = new ArrayList<>();
        List<Multistatus.Prop> missing = new ArrayList<>();
        for (DavXml.QName name : props) {
            if (name.is(DAV, "resourcetype")) {
                found.add(new Multistatus.Prop(name, "<d:collection/>"));
            } else {
                missing.add(new Multistatus.Prop(name, null));
            }
        }
        ms.response(home, List.of(new Multistatus.PropStat(200, found), new Multistatus.PropStat(404, missing)));
        if (depth(request) > 0) {
            books.forEach((id, book) -> ms.response(home + id + "/", bookProps(ms, book, id, props)));
        }
        return SimResponse.xml(207, ms.build());
    }

    private static List<Multistatus.PropStat> bookProps(Multistatus ms, DavCollection book, String id,
                                                        List<DavXml.QName> requested) {
        List<Multistatus.Prop> found = new ArrayList<>();
        List<Multistatus.Prop> missing = new ArrayList<>();
        boolean system = book.property("read-only").isPresent();
        for (DavXml.QName name : requested) {
            String value = switch (name.namespace() + " " + name.local()) {
                case DAV + " resourcetype" -> "<d:collection/><card:addressbook/>";
                case DAV + " displayname" -> book.property("displayname").map(DavXml::escape).orElse(null);
                case DAV + " sync-token" -> book.syncTokenUri();
                case CALENDARSERVER + " getctag" -> Long.toString(book.syncToken());
                case CARDDAV + " addressbook-description" -> book.property("addressbook-description")
                        .map(DavXml::escape).orElse(null);
                case CARDDAV + " supported-address-data" -> "<card:address-data-type content-type=\"text/vcard\" "
                        + "version=\"3.0\"/><card:address-data-type content-type=\"text/vcard\" version=\"4.0\"/>"
                        + "<card:address-data-type content-type=\"application/vcard+json\" version=\"4.0\"/>";
                case "http://owncloud.org/ns owner-principal" -> system ? "principals/system/system" : null;
                case DAV + " current-user-privilege-set" -> privileges(system);
                default -> null;
            };
            (value == null ? missing : found).add(new Multistatus.Prop(name, value));
        }
        return List.of(new Multistatus.PropStat(200, found), new Multistatus.PropStat(404, missing));
    }

    private static String privileges(boolean readOnly) {
        StringBuilder out = new StringBuilder();
        (readOnly ? List.of("d:read", "d:read-acl", "d:read-current-user-privilege-set") : OWNER_PRIVILEGES)
                .forEach(p -> out.append("<d:privilege><").append(p).append("/></d:privilege>"));
        return out.toString();
    }

    private static List<Multistatus.PropStat> cardProps(StoredObject card, List<DavXml.QName> requested) {
        List<Multistatus.Prop> found = new ArrayList<>();
        List<Multistatus.Prop> missing = new ArrayList<>();
        for (DavXml.QName name : requested) {
            String value = switch (name.namespace() + " " + name.local()) {
                case DAV + " getetag" -> DavXml.escape(card.quotedEtag());
                case DAV + " getcontenttype" -> "text/vcard; charset=utf-8";
                case DAV + " resourcetype" -> "";
                default -> null;
            };
            (value == null ? missing : found).add(new Multistatus.Prop(name, value == null || value.isEmpty() ? null
                    : value));
        }
        return List.of(new Multistatus.PropStat(200, found), new Multistatus.PropStat(404, missing));
    }

    private static SimResponse card(SimRequest request, DavCollection book, String bookHref, String name, Element body) {
        StoredObject existing = book.objects().get(name);
        boolean readOnly = book.property("read-only").isPresent();
        switch (request.method()) {
            case "GET", "HEAD" -> {
                if (existing == null) {
                    return SabreError.response(404, SabreError.NOT_FOUND, "Card not found");
                }
                return SimResponse.status(200).header("Content-Type", "text/vcard; charset=utf-8")
                        .header("ETag", existing.quotedEtag()).header("OC-ETag", existing.quotedEtag())
                        .header("Content-Disposition", "attachment; filename*=UTF-8''"
                                + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20")
                                + "; filename=\"" + name + "\"")
                        .body(existing.data());
            }
            case "PROPFIND" -> {
                if (existing == null) {
                    return SabreError.response(404, SabreError.NOT_FOUND, "Card not found");
                }
                return SimResponse.xml(207, Multistatus.carddav().response(bookHref + name,
                        cardProps(existing, requested(body))).build());
            }
            case "DELETE" -> {
                if (existing == null) {
                    return SabreError.response(404, SabreError.NOT_FOUND, "Card not found");
                }
                if (readOnly) {
                    return SabreError.response(403, SabreError.FORBIDDEN, "Permission denied to delete node");
                }
                Optional<SimResponse> failed = ifMatch(request, existing);
                if (failed.isPresent()) {
                    return failed.get();
                }
                book.remove(name);
                return SimResponse.status(204).header("Content-Type", SimResponse.HTML);
            }
            case "PUT" -> {
                if (readOnly) {
                    return SabreError.response(403, SabreError.FORBIDDEN, "Permission denied to change this "
                            + "address book");
                }
                if (request.header("If-None-Match").map(String::strip).map("*"::equals).orElse(false)
                        && existing != null) {
                    return SabreError.response(412, SabreError.PRECONDITION_FAILED,
                            "An If-None-Match header was specified, but the ETag matched (or * was specified).",
                            "If-None-Match");
                }
                Optional<SimResponse> failed = ifMatch(request, existing);
                if (failed.isPresent()) {
                    return failed.get();
                }
                String data = request.bodyText();
                VCardText card = VCardText.parse(data);
                if (card == null) {
                    return SabreError.response(415, SabreError.UNSUPPORTED_MEDIA_TYPE, "This resource only supports "
                            + "valid vCard or jCard data. Parse error: This parser only supports VCARD and VCALENDAR "
                            + "files");
                }
                StoredObject stored = StoredObject.of(data);
                book.put(name, stored);
                return SimResponse.status(existing == null ? 201 : 204).header("Content-Type", SimResponse.HTML)
                        .header("ETag", stored.quotedEtag()).header("OC-ETag", stored.quotedEtag());
            }
            default -> {
                return SabreError.response(501, SabreError.NOT_IMPLEMENTED, "Not implemented");
            }
        }
    }

    private static Optional<SimResponse> ifMatch(SimRequest request, StoredObject existing) {
        Optional<String> ifMatch = request.header("If-Match").map(String::strip);
        if (ifMatch.isEmpty() || ifMatch.get().equals("*") && existing != null) {
            return Optional.empty();
        }
        if (existing != null && java.util.Arrays.stream(ifMatch.get().split(","))
                .map(t -> t.strip().replaceFirst("^W/", "")).anyMatch(existing.quotedEtag()::equals)) {
            return Optional.empty();
        }
        SimResponse failed = SabreError.response(412, SabreError.PRECONDITION_FAILED,
                "An If-Match header was specified, but none of the specified ETags matched.", "If-Match");
        if (existing != null) {
            failed.header("ETag", existing.quotedEtag());
        }
        return Optional.of(failed);
    }

    /** addressbook-query (prop-filters with text-match, anyof/allof) and addressbook-multiget. */
    private static SimResponse report(DavCollection book, String bookHref, Element body) {
        if (body == null) {
            return SabreError.response(400, SabreError.BAD_REQUEST, "The REPORT request body is missing or invalid");
        }
        Optional<Element> addressData = DavXml.child(body, DAV, "prop")
                .flatMap(p -> DavXml.child(p, CARDDAV, "address-data"));
        boolean etag = DavXml.child(body, DAV, "prop").flatMap(p -> DavXml.child(p, DAV, "getetag")).isPresent();
        Set<String> subset = new HashSet<>();
        addressData.ifPresent(a -> DavXml.children(a).forEach(p -> subset.add(p.getAttribute("name").toUpperCase())));
        Multistatus ms = Multistatus.carddav();
        DavXml.QName kind = DavXml.QName.of(body);
        if (kind.is(CARDDAV, "addressbook-multiget")) {
            for (Element href : DavXml.children(body)) {
                if (DavXml.QName.of(href).is(DAV, "href")) {
                    String path = href.getTextContent().strip();
                    String name = path.substring(path.lastIndexOf('/') + 1);
                    StoredObject card = book.objects().get(name);
                    if (card != null) {
                        ms.response(bookHref + name, reported(card, etag, addressData.isPresent(), subset));
                    }
                }
            }
            return SimResponse.xml(207, ms.build());
        }
        if (!kind.is(CARDDAV, "addressbook-query")) {
            return SabreError.response(415, SabreError.REPORT_NOT_SUPPORTED, "The {" + kind.namespace() + "}"
                    + kind.local() + " REPORT is not supported on this url.");
        }
        Optional<Element> filter = DavXml.child(body, CARDDAV, "filter");
        boolean allOf = filter.map(f -> "allof".equals(f.getAttribute("test"))).orElse(false);
        List<Element> propFilters = filter.map(f -> DavXml.children(f).stream()
                .filter(e -> DavXml.QName.of(e).is(CARDDAV, "prop-filter")).toList()).orElse(List.of());
        book.objects().forEach((name, card) -> {
            VCardText text = VCardText.parse(card.data());
            if (text == null) {
                return;
            }
            boolean matches = propFilters.isEmpty() || (allOf
                    ? propFilters.stream().allMatch(f -> matches(text, f))
                    : propFilters.stream().anyMatch(f -> matches(text, f)));
            if (matches) {
                ms.response(bookHref + name, reported(card, etag, addressData.isPresent(), subset));
            }
        });
        return SimResponse.xml(207, ms.build());
    }

    private static boolean matches(VCardText card, Element propFilter) {
        List<String> values = card.values(propFilter.getAttribute("name"));
        if (DavXml.child(propFilter, CARDDAV, "is-not-defined").isPresent()) {
            return values.isEmpty();
        }
        Optional<Element> textMatch = DavXml.child(propFilter, CARDDAV, "text-match");
        if (textMatch.isEmpty()) {
            return !values.isEmpty();
        }
        String text = textMatch.get().getTextContent();
        boolean caseless = !"i;octet".equals(textMatch.get().getAttribute("collation"));
        String matchType = textMatch.get().hasAttribute("match-type") ? textMatch.get().getAttribute("match-type")
                : "contains";
        boolean any = values.stream().anyMatch(v -> TextMatch.matches(v, text, matchType, caseless));
        return "yes".equals(textMatch.get().getAttribute("negate-condition")) != any;
    }

    private static List<Multistatus.PropStat> reported(StoredObject card, boolean etag, boolean data, Set<String> subset) {
        List<Multistatus.Prop> found = new ArrayList<>();
        if (etag) {
            found.add(new Multistatus.Prop(new DavXml.QName(DAV, "getetag"), DavXml.escape(card.quotedEtag())));
        }
        if (data) {
            VCardText text = VCardText.parse(card.data());
            found.add(new Multistatus.Prop(new DavXml.QName(CARDDAV, "address-data"),
                    DavXml.escape(text == null ? card.data() : text.asReported(subset))));
        }
        return List.of(new Multistatus.PropStat(200, found));
    }
}
