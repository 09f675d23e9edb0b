package dev.ncmcp.simulator.sharing;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** The values of share requests that Nextcloud checks the same way on create and update. */
final class ShareParameters {
    static final int READ = 1;
    static final int UPDATE = 2;
    static final int CREATE = 4;
    static final int DELETE = 8;
    static final int SHARE = 16;

    private ShareParameters() {
    }

    /** {@code ShareAPIController::parseDate}: an ISO date (a time part is dropped), at least tomorrow. */
    static LocalDate expiration(String text, LocalDate today) {
        LocalDate date;
        try {
            date = LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            throw new OcsFailure(400, "Invalid date. Format must be YYYY-MM-DD");
        }
        if (!date.isAfter(today)) {
            throw new OcsFailure(404, "Expiration date is in the past");
        }
        return date;
    }

    /** A file can be read, changed and reshared, but nothing can be created in or deleted from it. */
    static int forNode(int permissions, boolean folder) {
        return folder ? permissions : permissions & ~(CREATE | DELETE);
    }

    /**
     * The permissions of a public link: read, read+edit (files), file drop or upload (folders), always with the share
     * bit that lets a link become a federated share.
     */
    static int forLink(int requested, Optional<Boolean> publicUpload, boolean folder) {
        int permissions = publicUpload.map(upload -> upload ? READ | CREATE | UPDATE | DELETE : READ)
                .orElse(requested & ~SHARE);
        boolean upload = (permissions & (CREATE | DELETE)) != 0;
        if (upload && !folder) {
            throw new OcsFailure(400, "Public upload is only possible for publicly shared folders");
        }
        boolean allowed = switch (permissions) {
            case READ, READ | UPDATE, CREATE, READ | CREATE | UPDATE, READ | CREATE | UPDATE | DELETE -> true;
            default -> false;
        };
        if (!allowed) {
            throw new OcsFailure(400, "Can't change permissions for public share links");
        }
        return (permissions == (READ | CREATE | UPDATE) ? READ | CREATE | UPDATE | DELETE : permissions) | SHARE;
    }
}
