package dev.ncmcp.simulator.dav;

import dev.ncmcp.simulator.Hashes;

/**
 * A calendar object or vCard as Nextcloud stores it: the data as sent, its ETag (the MD5 of the data) and when it
 * last changed.
 *
 * @param data         the object as sent
 * @param etag         the MD5 of the data, without quotes
 * @param lastModified epoch seconds
 */
public record StoredObject(String data, String etag, long lastModified) {

    public static StoredObject of(String data) {
        return new StoredObject(data, Hashes.md5(data), System.currentTimeMillis() / 1000);
    }

    public String quotedEtag() {
        return "\"" + etag + "\"";
    }
}
