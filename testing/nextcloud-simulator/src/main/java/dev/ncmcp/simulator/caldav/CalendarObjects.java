package dev.ncmcp.simulator.caldav;

import dev.ncmcp.simulator.SimResponse;
import dev.ncmcp.simulator.dav.DavCollection;
import dev.ncmcp.simulator.dav.SabreError;
import dev.ncmcp.simulator.dav.StoredObject;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** PUT, GET and DELETE of one calendar object, with Sabre's preconditions and Nextcloud's checks. */
final class CalendarObjects {

    private CalendarObjects() {
    }

    static SimResponse handle(CalendarRequest r, DavCollection calendar, Map<String, DavCollection> calendars) {
        String name = r.object().orElseThrow();
        if (calendar.deleted()) {
            return CalendarEndpoint.notFound(r.calendar().orElseThrow());
        }
        StoredObject existing = calendar.objects().get(name);
        return switch (r.request().method()) {
            case "GET", "HEAD" -> existing == null ? notFound() : get(name, existing);
            case "PUT" -> put(r, calendar, name, existing);
            case "DELETE" -> {
                if (existing == null) {
                    yield notFound();
                }
                Optional<SimResponse> failed = ifMatch(r, existing);
                if (failed.isPresent()) {
                    yield failed.get();
                }
                calendar.remove(name);
                yield SimResponse.status(204).header("Content-Type", SimResponse.HTML);
            }
            case "PROPFIND" -> existing == null ? notFound() : SimResponse.xml(207, dev.ncmcp.simulator.dav.Multistatus
                    .caldav(false).response(r.objectHref(name), CalendarProps.object(existing, componentType(existing),
                            r.requested())).build());
            default -> SabreError.response(501, SabreError.NOT_IMPLEMENTED, "There was no plugin in the system that "
                    + "was willing to handle this " + r.request().method() + " method.");
        };
    }

    static String componentType(StoredObject object) {
        return ICalendarData.parse(object.data()).map(ICalendarData::componentType).orElse("VEVENT");
    }

    private static SimResponse notFound() {
        return SabreError.response(404, SabreError.NOT_FOUND, "Calendar object not found");
    }

    private static SimResponse get(String name, StoredObject object) {
        return SimResponse.status(200)
                .header("Content-Type", "text/calendar; charset=utf-8; component="
                        + componentType(object).toLowerCase(Locale.ROOT))
                .header("ETag", object.quotedEtag()).header("OC-ETag", object.quotedEtag())
                .header("Content-Disposition", "attachment; filename*=UTF-8''"
                        + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20") + "; filename=\"" + name
                        + "\"")
                .body(object.data());
    }

    private static SimResponse put(CalendarRequest r, DavCollection calendar, String name, StoredObject existing) {
        boolean noneMatch = r.request().header("If-None-Match").map(String::strip).map("*"::equals).orElse(false);
        if (noneMatch && existing != null) {
            return SabreError.response(412, SabreError.PRECONDITION_FAILED,
                    "An If-None-Match header was specified, but the ETag matched (or * was specified).",
                    "If-None-Match");
        }
        Optional<SimResponse> failed = ifMatch(r, existing);
        if (failed.isPresent()) {
            return failed.get();
        }
        String data = r.request().bodyText();
        Optional<ICalendarData> parsed = ICalendarData.parse(data);
        if (parsed.isEmpty()) {
            return SabreError.response(415, SabreError.UNSUPPORTED_MEDIA_TYPE, "This resource only supports valid "
                    + "iCalendar 2.0 data. Parse error: This parser only supports VCARD and VCALENDAR files");
        }
        Optional<String> uid = parsed.get().uid();
        if (uid.isEmpty()) {
            return SabreError.response(415, SabreError.UNSUPPORTED_MEDIA_TYPE, "Validation error in iCalendar: "
                    + "Every VEVENT, VTODO or VJOURNAL must have a UID");
        }
        String type = parsed.get().componentType();
        String supported = calendar.property("components").orElse("VEVENT,VTODO");
        if (!java.util.Arrays.asList(supported.split(",")).contains(type)) {
            return SabreError.response(403, "Sabre\\CalDAV\\Exception\\InvalidComponentType", "This calendar only "
                    + "supports " + supported.replace(",", ", ") + ". We found a " + type);
        }
        boolean duplicate = calendar.objects().entrySet().stream().anyMatch(e -> !e.getKey().equals(name)
                && ICalendarData.parse(e.getValue().data()).flatMap(ICalendarData::uid).equals(uid));
        if (duplicate) {
            return SabreError.response(400, SabreError.BAD_REQUEST,
                    "Calendar object with uid already exists in this calendar collection.");
        }
        StoredObject stored = StoredObject.of(data);
        calendar.put(name, stored);
        return SimResponse.status(existing == null ? 201 : 204).header("Content-Type", SimResponse.HTML)
                .header("ETag", stored.quotedEtag()).header("OC-ETag", stored.quotedEtag());
    }

    /** A failed {@code If-Match} (Sabre's 412 naming the header, with the current ETag). */
    static Optional<SimResponse> ifMatch(CalendarRequest r, StoredObject existing) {
        Optional<String> ifMatch = r.request().header("If-Match").map(String::strip);
        if (ifMatch.isEmpty() || ifMatch.get().equals("*") && existing != null) {
            return Optional.empty();
        }
        boolean matches = existing != null && java.util.Arrays.stream(ifMatch.get().split(","))
                .map(t -> t.strip().replaceFirst("^W/", "")).anyMatch(t -> t.equals(existing.quotedEtag()));
        if (matches) {
            return Optional.empty();
        }
        SimResponse failed = SabreError.response(412, SabreError.PRECONDITION_FAILED,
                "An If-Match header was specified, but none of the specified ETags matched.", "If-Match");
        if (existing != null) {
            failed.header("ETag", existing.quotedEtag());
        }
        return Optional.of(failed);
    }
}
