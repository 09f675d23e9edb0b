package dev.ncmcp.server;

import dev.ncmcp.server.config.ConfigLoader;
import dev.ncmcp.server.config.SidecarConfig;
import dev.ncmcp.server.plugin.PluginRegistry;
import dev.ncmcp.spi.ConfigKey;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** {@code --help}: commands, options, the main variables and every plugin's configuration keys. */
final class Usage {

    private static final String TEXT = """
            ncmcp %s — Nextcloud for MCP clients

            Usage:
              ncmcp [--config FILE]              run the sidecar (the demo when no Nextcloud is configured)
              ncmcp store rotate-keys | purge    maintain the store
              ncmcp oauth delete-client          delete the sidecar's own client at the identity provider
              ncmcp --help | --version

            Every key of sidecar.yaml can be set by an environment variable (dots become underscores), e.g.:
              NEXTCLOUD_URL, NEXTCLOUD_USER, NEXTCLOUD_PASSWORD   the Nextcloud and its app password
              NEXTCLOUD_AUTH_MODE     app-password | bearer | token-exchange | login-flow
              SECURITY_MODE           oauth | none;  SECURITY_ISSUERS  identity provider issuer URL(s)
              SERVER_HOST, SERVER_PORT, MCP_URL, MCP_HOSTS, STORE_URL, PLUGINS_DIRECTORY
            """;

    private Usage() {
    }

    static String text(String[] args) {
        StringBuilder out = new StringBuilder(TEXT.formatted(Version.current()));
        out.append("\nPlugin configuration (plugins.<id>.<key> / PLUGINS_<ID>_<KEY>):\n");
        Map<String, List<ConfigKey>> keys;
        try {
            Path directory = SidecarConfig.pluginDirectory(ConfigLoader.load(args));
            keys = PluginRegistry.configurationKeys(directory);
        } catch (RuntimeException e) {
            return out.append("  (the plugins could not be loaded: ").append(e.getMessage()).append(")\n").toString();
        }
        boolean none = true;
        for (Map.Entry<String, List<ConfigKey>> plugin : keys.entrySet()) {
            for (ConfigKey key : plugin.getValue()) {
                none = false;
                out.append("  ").append(key.path(plugin.getKey())).append(" (").append(key.variable(plugin.getKey()))
                        .append("), default ").append(key.defaultValue()).append(": ").append(key.description())
                        .append('\n');
            }
        }
        if (none) {
            out.append("  (none)\n");
        }
        return out.append("\nDocumentation: ").append(Sidecar.DOCUMENTATION).append('\n').toString();
    }
}
