package dev.ncmcp.spi.xml;

import java.util.Objects;

/**
 * A namespaced XML name such as {@code DAV:} + {@code getetag}. {@link #toString()} is Clark notation,
 * {@code {DAV:}getetag}, the key under which {@code DavEntry} keeps properties.
 */
public record QName(String namespace, String name) {

    public static final String DAV = "DAV:";
    public static final String OWNCLOUD = "http://owncloud.org/ns";
    public static final String NEXTCLOUD = "http://nextcloud.org/ns";
    public static final String CALDAV = "urn:ietf:params:xml:ns:caldav";
    public static final String CARDDAV = "urn:ietf:params:xml:ns:carddav";
    public static final String CALENDARSERVER = "http://calendarserver.org/ns/";
    public static final String APPLE_ICAL = "http://apple.com/ns/ical/";
    public static final String SABRE = "http://sabredav.org/ns";

    public QName {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
    }

    public static QName dav(String name) {
        return new QName(DAV, name);
    }

    public static QName owncloud(String name) {
        return new QName(OWNCLOUD, name);
    }

    public static QName nextcloud(String name) {
        return new QName(NEXTCLOUD, name);
    }

    public static QName caldav(String name) {
        return new QName(CALDAV, name);
    }

    public static QName carddav(String name) {
        return new QName(CARDDAV, name);
    }

    @Override
    public String toString() {
        return "{" + namespace + "}" + name;
    }
}
