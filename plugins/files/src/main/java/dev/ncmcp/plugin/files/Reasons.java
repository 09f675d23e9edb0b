package dev.ncmcp.plugin.files;

import dev.ncmcp.spi.nextcloud.Refusal;

/** What a refusal's reason tells the files tools, whose messages depend on it. */
final class Reasons {

    private Reasons() {
    }

    /** Whether a 409 means a missing parent: Apache gives no reason, Nextcloud says "Parent node does not exist". */
    static boolean saysParentIsMissing(Refusal refusal) {
        return refusal.reason().isEmpty() || refusal.says("does not exist");
    }

    static String because(Refusal refusal) {
        return refusal.reason().map(reason -> " (Nextcloud: " + reason + ").").orElse(".");
    }
}
