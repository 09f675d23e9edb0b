package dev.ncmcp.plugin.contacts;

import ezvcard.VCard;

import java.util.Optional;

/**
 * One stored vCard: where it is, its version tag and its content (3.0 or 4.0, as the server returned it).
 *
 * @param addressBook the address book holding it
 * @param href        its DAV path
 * @param etag        its entity tag, quoted, when the server sent one
 * @param vcard       the parsed card; properties ez-vcard does not know are kept as raw properties
 */
record Card(AddressBook addressBook, String href, Optional<String> etag, VCard vcard) {
}
