package dev.ncmcp.spi.dav;

import dev.ncmcp.spi.xml.QName;
import dev.ncmcp.spi.xml.XmlElement;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One {@code <d:response>} of a WebDAV Multi-Status.
 *
 * @param href       the decoded path of the resource, e.g. {@code /remote.php/dav/files/bob/Notes/a.md}
 * @param status     the response's own status (200 for a normal entry; 404 for a member that a
 *                   {@code sync-collection} report lists as deleted)
 * @param properties the properties found (propstat 200), keyed by name in Clark notation
 *                   ({@code {DAV:}getetag}); a property asked for but not found is absent
 */
public record DavEntry(String href, int status, Map<String, XmlElement> properties) {

    public DavEntry {
        Objects.requireNonNull(href, "href");
        properties = Map.copyOf(properties);
    }

    public Optional<XmlElement> element(QName name) {
        return Optional.ofNullable(properties.get(name.toString()));
    }

    /** The text of a found property. */
    public Optional<String> property(QName name) {
        return element(name).map(XmlElement::text);
    }

    /** The text of a found property in the {@code DAV:} namespace. */
    public Optional<String> dav(String localName) {
        return property(QName.dav(localName));
    }

    /** {@code getlastmodified}, an HTTP date (RFC 1123) or, from some servers, ISO-8601; empty when unreadable. */
    public Optional<Instant> lastModified() {
        return dav("getlastmodified").flatMap(date -> {
            try {
                return Optional.of(ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            } catch (DateTimeParseException notHttp) {
                try {
                    return Optional.of(Instant.parse(date));
                } catch (DateTimeParseException notIso) {
                    return Optional.empty();
                }
            }
        });
    }

    /** The names of the elements inside {@code resourcetype}: {@code {DAV:}collection}, {@code {urn:…caldav}calendar}… */
    public Set<QName> resourceTypes() {
        return element(QName.dav("resourcetype"))
                .map(type -> type.children().stream().map(XmlElement::name).collect(Collectors.toUnmodifiableSet()))
                .orElse(Set.of());
    }

    /** A collection (folder, calendar, address book): {@code resourcetype} says so, or the href ends in {@code /}. */
    public boolean collection() {
        return resourceTypes().contains(QName.dav("collection")) || href.endsWith("/");
    }
}
