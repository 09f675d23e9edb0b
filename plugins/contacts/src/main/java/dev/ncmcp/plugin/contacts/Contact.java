package dev.ncmcp.plugin.contacts;

import dev.ncmcp.spi.tool.Description;
import ezvcard.VCard;
import ezvcard.property.Address;
import ezvcard.property.Birthday;
import ezvcard.property.Email;
import ezvcard.property.Organization;
import ezvcard.property.Photo;
import ezvcard.property.StructuredName;
import ezvcard.property.Telephone;
import ezvcard.property.TextProperty;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** A contact as the tools show it, from a vCard 3.0 or 4.0. */
record Contact(
        @Description("The address book's id") String addressBook,
        @Description("The contact's uid; with 'addressBook' it names the contact to the other tools") String uid,
        @Description("Version tag; pass it as 'etag' when changing or deleting the contact") Optional<String> etag,
        @Description("The name as shown (FN)") String fullName,
        @Description("Name parts (N)") Optional<Name> name,
        @Description("Nickname") Optional<String> nickname,
        @Description("E-mail addresses") List<Labelled> emails,
        @Description("Phone numbers") List<Labelled> phones,
        @Description("Postal addresses") List<PostalAddress> addresses,
        @Description("Organisation (company; departments after it)") Optional<String> organization,
        @Description("Job title") Optional<String> title,
        @Description("Birthday, YYYY-MM-DD (or --MM-DD without a year)") Optional<String> birthday,
        @Description("Notes") Optional<String> notes,
        @Description("Groups (CATEGORIES)") List<String> groups,
        @Description("The contact's photo, described (not included)") Optional<PhotoInfo> photo,
        @Description("vCard version as stored: 3.0 or 4.0") String vcardVersion) {

    record Name(@Description("Given name") String given,
                @Description("Family name") String family,
                @Description("Middle names") String middle,
                @Description("Prefixes, e.g. Dr.") String prefix,
                @Description("Suffixes, e.g. Jr.") String suffix) {
    }

    record Labelled(@Description("The address or number") String value,
                    @Description("Its kinds, e.g. home, work, cell") List<String> types) {
    }

    record PostalAddress(@Description("Street and number") String street,
                         @Description("City") String city,
                         @Description("Region or state") String region,
                         @Description("Postal code") String postalCode,
                         @Description("Country") String country,
                         @Description("Its kinds, e.g. home, work") List<String> types) {
    }

    record PhotoInfo(@Description("MIME type, when known") Optional<String> mediaType,
                     @Description("Size of the embedded image in bytes (0 when it is only linked)") long bytes,
                     @Description("Where it is, when the card links to it rather than embedding it") Optional<String> url) {
    }

    static Contact of(Card card) {
        VCard v = card.vcard();
        StructuredName n = v.getStructuredName();
        Optional<Name> name = Optional.ofNullable(n).map(s -> new Name(nz(s.getGiven()), nz(s.getFamily()),
                String.join(" ", s.getAdditionalNames()), String.join(" ", s.getPrefixes()),
                String.join(" ", s.getSuffixes())));
        String fullName = Optional.ofNullable(v.getFormattedName()).map(TextProperty::getValue)
                .filter(f -> !f.isBlank())
                .orElseGet(() -> name.map(p -> (p.given() + " " + p.family()).strip()).orElse(""));
        return new Contact(card.addressBook().id(), Optional.ofNullable(v.getUid()).map(u -> u.getValue()).orElse(""),
                card.etag(), fullName, name,
                Optional.ofNullable(v.getNickname()).map(nick -> String.join(", ", nick.getValues()))
                        .filter(s -> !s.isBlank()),
                v.getEmails().stream().map(Contact::email).toList(),
                v.getTelephoneNumbers().stream().map(Contact::phone).toList(),
                v.getAddresses().stream().map(Contact::address).toList(),
                Optional.ofNullable(v.getOrganization()).map(Organization::getValues)
                        .map(values -> values.stream().filter(s -> !s.isBlank()).collect(Collectors.joining(", ")))
                        .filter(s -> !s.isBlank()),
                v.getTitles().stream().map(TextProperty::getValue).filter(s -> s != null && !s.isBlank()).findFirst(),
                Optional.ofNullable(v.getBirthday()).map(Contact::birthday),
                v.getNotes().stream().map(TextProperty::getValue).filter(s -> s != null && !s.isBlank())
                        .reduce((a, b) -> a + "\n" + b),
                v.getCategoriesList().stream().flatMap(c -> c.getValues().stream()).filter(s -> !s.isBlank()).toList(),
                v.getPhotos().stream().findFirst().map(Contact::photo),
                v.getVersion() == null ? "3.0" : v.getVersion().getVersion());
    }

    private static String nz(String text) {
        return text == null ? "" : text;
    }

    private static Labelled email(Email email) {
        return new Labelled(nz(email.getValue()), types(email.getParameters().getTypes()));
    }

    private static Labelled phone(Telephone phone) {
        String value = phone.getText() != null ? phone.getText()
                : phone.getUri() != null ? phone.getUri().getNumber() : "";
        return new Labelled(value, types(phone.getParameters().getTypes()));
    }

    private static PostalAddress address(Address a) {
        return new PostalAddress(nz(a.getStreetAddressFull()), nz(a.getLocality()), nz(a.getRegion()),
                nz(a.getPostalCode()), nz(a.getCountry()), types(a.getParameters().getTypes()));
    }

    private static List<String> types(List<String> raw) {
        return raw.stream().flatMap(t -> java.util.Arrays.stream(t.split(","))).map(t -> t.strip().toLowerCase(Locale.ROOT))
                .filter(t -> !t.isEmpty() && !t.equals("internet") && !t.equals("pref") && !t.equals("voice"))
                .distinct().toList();
    }

    private static String birthday(Birthday birthday) {
        if (birthday.getDate() != null) {
            return birthday.getDate().toString();
        }
        if (birthday.getPartialDate() != null) {
            return birthday.getPartialDate().toISO8601(true);
        }
        return nz(birthday.getText());
    }

    private static PhotoInfo photo(Photo photo) {
        return new PhotoInfo(Optional.ofNullable(photo.getContentType()).map(t -> t.getMediaType()),
                photo.getData() == null ? 0 : photo.getData().length, Optional.ofNullable(photo.getUrl()));
    }
}
