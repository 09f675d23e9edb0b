package dev.ncmcp.e2e;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where things are: the repository root and this module, from the system properties the pom sets. */
final class Paths2 {

    private Paths2() {
    }

    /** The repository root (the reactor's base directory). */
    static Path root() {
        String configured = System.getProperty("ncmcp.root");
        if (configured != null) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        // Run from an IDE in testing/e2e
        Path here = Path.of("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("testing/e2e")) && Files.isRegularFile(p.resolve("mvnw"))) {
                return p;
            }
        }
        throw new IllegalStateException("cannot find the repository root from " + here
                + "; run the tests through Maven (./mvnw -pl testing/e2e verify)");
    }

    /** The testing/e2e module directory. */
    static Path e2e() {
        String configured = System.getProperty("ncmcp.e2e.dir");
        return configured != null ? Path.of(configured).toAbsolutePath().normalize() : root().resolve("testing/e2e");
    }

    /** testing/e2e/target */
    static Path target() {
        return e2e().resolve("target");
    }

    /** testing/e2e/js */
    static Path js() {
        return e2e().resolve("js");
    }
}
