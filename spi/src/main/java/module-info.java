/**
 * The ncmcp plugin contract. A plugin implements {@link dev.ncmcp.spi.NextcloudPlugin} and is found
 * by {@link java.util.ServiceLoader}.
 */
module dev.ncmcp.spi {
    requires transitive jakarta.json;

    exports dev.ncmcp.spi;
    exports dev.ncmcp.spi.nextcloud;

    uses dev.ncmcp.spi.NextcloudPlugin;
}
