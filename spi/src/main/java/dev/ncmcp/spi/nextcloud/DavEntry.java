package dev.ncmcp.spi.nextcloud;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@code <d:response>} of a WebDAV Multi-Status, with the properties found (status 200).
 *
 * @param href       the decoded path of the resource, e.g. {@code /remote.php/dav/files/bob/Notes/a.md}
 * @param collection whether {@code resourcetype} contains {@code collection}
 * @param properties text content of each found property, keyed {@code {namespace}localName}
 */
public record DavEntry(String href, boolean collection, Map<String, String> properties) {

    public static final String DAV = "DAV:";
    public static final String OWNCLOUD = "http://owncloud.org/ns";
    public static final String NEXTCLOUD = "http://nextcloud.org/ns";

    public DavEntry {
        Objects.requireNonNull(href, "href");
        properties = Map.copyOf(properties);
    }

    public Optional<String> property(String namespace, String localName) {
        return Optional.ofNullable(properties.get("{" + namespace + "}" + localName));
    }

    public Optional<String> dav(String localName) {
        return property(DAV, localName);
    }
}
