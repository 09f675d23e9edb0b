package dev.ncmcp.server.plugin;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Builds real plugin jars at test time: compiles a plugin source against the SPI only and packs it
 * with its ServiceLoader entry, so loading goes through the same path as a third-party jar.
 */
final class PluginJars {

    private PluginJars() {
    }

    /** A plugin with one tool; {@code body} is the Java text of its {@code tools()} list elements. */
    static String pluginSource(String className, String id, String scopesDeclared, String toolName,
                               String toolScope, String inputSchema, String handlerBody) {
        return """
                package test.plugins;

                import dev.ncmcp.spi.*;
                import java.util.List;

                public final class %1$s implements NextcloudPlugin {
                    public String id() { return "%2$s"; }
                    public List<ScopeDefinition> scopes() {
                        return List.of(new ScopeDefinition(Scope.parse("%3$s").orElseThrow(), "test scope"));
                    }
                    public List<ToolDefinition> tools() {
                        return List.of(ToolDefinition.builder("%4$s")
                                .title("Test tool").description("A tool of a test plugin.")
                                .annotations(dev.ncmcp.spi.ToolAnnotations.READ_ONLY)
                                .inputSchema(%6$s)
                                .annotations(dev.ncmcp.spi.ToolAnnotations.READ_ONLY)
                                .requires(Scope.parse("%5$s").orElseThrow())
                                .handler(invocation -> { %7$s })
                                .build());
                    }
                }
                """.formatted(className, id, scopesDeclared, toolName, toolScope, javaString(inputSchema), handlerBody);
    }

    static String javaString(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** Compiles {@code source} (class {@code test.plugins.<className>}) into {@code dir/<jarName>}. */
    static Path build(Path dir, String jarName, String className, String source, boolean withServiceEntry)
            throws IOException {
        Path work = Files.createTempDirectory(dir, "src");
        Path file = work.resolve("test/plugins/" + className + ".java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source);
        Path classes = work.resolve("classes");
        Files.createDirectories(classes);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        String classpath = System.getProperty("java.class.path");
        int result = compiler.run(null, null, null, "-d", classes.toString(), "-classpath", classpath,
                "-proc:none", file.toString());
        if (result != 0) {
            throw new IllegalStateException("test plugin did not compile: " + className);
        }
        Path jar = dir.resolve(jarName);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
             Stream<Path> files = Files.walk(classes)) {
            List<Path> entries = new ArrayList<>(files.filter(Files::isRegularFile).toList());
            for (Path entry : entries) {
                out.putNextEntry(new JarEntry(classes.relativize(entry).toString().replace('\\', '/')));
                Files.copy(entry, out);
                out.closeEntry();
            }
            if (withServiceEntry) {
                out.putNextEntry(new JarEntry("META-INF/services/dev.ncmcp.spi.NextcloudPlugin"));
                write(out, "test.plugins." + className + "\n");
                out.closeEntry();
            }
        }
        return jar;
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
