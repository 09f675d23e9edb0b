package dev.ncmcp.server;

import dev.ncmcp.server.plugin.LoadedPlugin;

import java.util.stream.Collectors;

/** What the operator sees once the sidecar listens. */
final class StartupBanner {

    private StartupBanner() {
    }

    static void print(Sidecar sidecar, long startupMillis) {
        StringBuilder text = new StringBuilder();
        if (sidecar.demo()) {
            text.append("""
                    ================================================================================
                     DEMO MODE — no Nextcloud configured. Serving a simulated Nextcloud with sample
                     notes and files (user 'demo'); nothing is kept. To use your own Nextcloud set
                     NEXTCLOUD_URL, NEXTCLOUD_USER and NEXTCLOUD_PASSWORD (an app password).
                    ================================================================================
                    """);
        }
        String plugins = sidecar.registry().plugins().stream()
                .map(LoadedPlugin::origin)
                .distinct()
                .collect(Collectors.joining(", "));
        text.append("ncmcp ").append(Version.current()).append(" started in ").append(startupMillis).append(" ms\n")
                .append("  Nextcloud:    ").append(sidecar.nextcloudBaseUrl()).append(" as ")
                .append(sidecar.nextcloudUser()).append('\n')
                .append("  Plugins:      ").append(sidecar.registry().plugins().size()).append(" (")
                .append(plugins).append("), ").append(sidecar.registry().tools().size()).append(" tools\n")
                .append("  Metadata:     ").append(sidecar.metadataUrl()).append('\n')
                .append("  MCP endpoint: ").append(sidecar.mcpUrl());
        System.out.println(text);
        System.out.flush();
    }
}
