/**
 * The ncmcp plugin contract and toolkit. A plugin implements {@link dev.ncmcp.spi.NextcloudPlugin} and is found
 * by {@link java.util.ServiceLoader}; it declares its tools with {@link dev.ncmcp.spi.tool.Tool} and talks to
 * Nextcloud through {@link dev.ncmcp.spi.nextcloud.NextcloudClient}, {@link dev.ncmcp.spi.nextcloud.Answer} and,
 * for WebDAV, CalDAV and CardDAV, {@link dev.ncmcp.spi.dav.Dav}. It needs only the JSON-P API and the JDK.
 */
module dev.ncmcp.spi {
    requires transitive jakarta.json;
    requires transitive java.xml;

    exports dev.ncmcp.spi;
    exports dev.ncmcp.spi.tool;
    exports dev.ncmcp.spi.nextcloud;
    exports dev.ncmcp.spi.dav;
    exports dev.ncmcp.spi.files;
    exports dev.ncmcp.spi.xml;

    uses dev.ncmcp.spi.NextcloudPlugin;
}
