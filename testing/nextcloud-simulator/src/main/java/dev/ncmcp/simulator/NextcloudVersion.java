package dev.ncmcp.simulator;

/**
 * The Nextcloud server versions whose captured behaviour the simulator reproduces.
 */
public enum NextcloudVersion {
    /** Nextcloud 31.0.2 with notes 5.0.2 (the main reference). */
    NC31(31, 0, 2, "5.0.2", "rich", true),
    /** Nextcloud 29.0.6 with notes 4.13.1. */
    NC29(29, 0, 6, "4.13.1", "edit", false);

    private final int major;
    private final int minor;
    private final int micro;
    private final String notesAppVersion;
    private final String defaultNoteMode;
    private final boolean jsonAuthErrors;

    NextcloudVersion(int major, int minor, int micro, String notesAppVersion, String defaultNoteMode,
                     boolean jsonAuthErrors) {
        this.major = major;
        this.minor = minor;
        this.micro = micro;
        this.notesAppVersion = notesAppVersion;
        this.defaultNoteMode = defaultNoteMode;
        this.jsonAuthErrors = jsonAuthErrors;
    }

    public int major() {
        return major;
    }

    public int minor() {
        return minor;
    }

    public int micro() {
        return micro;
    }

    /** "31.0.2" */
    public String versionString() {
        return major + "." + minor + "." + micro;
    }

    /** "31.0.2.1" as in status.php */
    public String fullVersion() {
        return versionString() + ".1";
    }

    public String notesAppVersion() {
        return notesAppVersion;
    }

    public String defaultNoteMode() {
        return defaultNoteMode;
    }

    /** NC29 answers a bad-credential OCS 401 in XML even when JSON was asked for. */
    public boolean honoursFormatOnBadCredentials() {
        return jsonAuthErrors;
    }

    /** The DAV compliance classes of OPTIONS; only NC31 advertises nc-paginate. */
    public String davComplianceClasses() {
        return this == NC31
                ? "1, 3, extended-mkcol, access-control, calendarserver-principal-property-search, nc-paginate, "
                  + "nextcloud-checksum-update, nc-calendar-search, nc-enable-birthday-calendar"
                : "1, 3, extended-mkcol, access-control, calendarserver-principal-property-search, "
                  + "nextcloud-checksum-update, nc-calendar-search, nc-enable-birthday-calendar";
    }

    public String resourceSuffix() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
