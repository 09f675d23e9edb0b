/**
 * CardDAV as Nextcloud 31 answers it ({@code shared/reference/nextcloud/carddav/}): the address book home with the
 * user's Contacts and the read-only system address book, extended MKCOL, vCards with MD5 ETags (vCard 4.0 stored as
 * sent, returned as 3.0 in REPORTs), addressbook-query with prop-filters and text-matches, addressbook-multiget, and
 * deletion.
 */
package dev.ncmcp.simulator.carddav;
