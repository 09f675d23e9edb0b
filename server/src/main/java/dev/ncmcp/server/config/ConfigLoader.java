package dev.ncmcp.server.config;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Assembles the configuration: environment variables, then system properties, then the file given
 * by {@code --config FILE} or {@code NCMCP_CONFIG} (else {@code ./sidecar.yaml} if present), then the
 * defaults bundled in the jar. Earlier sources win.
 */
public final class ConfigLoader {

    private ConfigLoader() {
    }

    public static Config load(String[] args) {
        Optional<Path> file = configFile(args);
        Config.Builder builder = Config.builder()
                .disableEnvironmentVariablesSource()
                .disableSystemPropertiesSource()
                .addSource(ConfigSources.environmentVariables())
                .addSource(ConfigSources.systemProperties());
        file.ifPresent(path -> builder.addSource(ConfigSources.file(path)));
        builder.addSource(ConfigSources.classpath("sidecar.yaml").optional());
        return builder.build();
    }

    private static Optional<Path> configFile(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--config") && i + 1 < args.length) {
                return Optional.of(requireReadable(Path.of(args[i + 1]), "--config"));
            }
            if (args[i].startsWith("--config=")) {
                return Optional.of(requireReadable(Path.of(args[i].substring("--config=".length())), "--config"));
            }
        }
        String variable = System.getenv("NCMCP_CONFIG");
        if (variable != null && !variable.isBlank()) {
            return Optional.of(requireReadable(Path.of(variable), "NCMCP_CONFIG"));
        }
        Path local = Path.of("sidecar.yaml");
        return Files.isRegularFile(local) ? Optional.of(local) : Optional.empty();
    }

    private static Path requireReadable(Path path, String origin) {
        if (!Files.isReadable(path)) {
            throw new ConfigProblem(origin + ": cannot read configuration file " + path.toAbsolutePath());
        }
        return path;
    }
}
