package dev.ncmcp.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code conformance server} printed: one summary line per scenario, the {@code Total:} line, and the
 * baseline verdict (expected failures, unexpected failures, stale entries) when run with
 * {@code --expected-failures}.
 */
record ConformanceReport(Map<String, Counts> scenarios, Optional<Counts> total, List<String> expectedFailures,
                         List<String> unexpectedFailures, List<String> staleEntries) {

    /** Passed and failed checks. */
    record Counts(int passed, int failed) {
    }

    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;]*m");
    private static final Pattern SCENARIO = Pattern.compile("^[✓✗] (\\S+): (\\d+) passed, (\\d+) failed$");
    private static final Pattern TOTAL = Pattern.compile("^Total: (\\d+) passed, (\\d+) failed$");
    private static final Pattern LISTED = Pattern.compile("^\\s+[~✓✗] (\\S+)$");

    static ConformanceReport parse(String output) {
        Map<String, Counts> scenarios = new LinkedHashMap<>();
        Counts total = null;
        List<String> expected = new ArrayList<>();
        List<String> unexpected = new ArrayList<>();
        List<String> stale = new ArrayList<>();
        List<String> section = null;
        boolean inSummary = false;
        for (String raw : ANSI.matcher(output).replaceAll("").split("\\R")) {
            String line = raw.stripTrailing();
            if (line.equals("=== SUMMARY ===")) {
                inSummary = true;
                continue;
            }
            Matcher m = SCENARIO.matcher(line);
            if (inSummary && m.matches()) {
                scenarios.put(m.group(1), new Counts(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
                continue;
            }
            m = TOTAL.matcher(line);
            if (m.matches()) {
                total = new Counts(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
                continue;
            }
            if (line.startsWith("Expected failures (in baseline)")) {
                section = expected;
            } else if (line.startsWith("Unexpected failures (not in baseline)")) {
                section = unexpected;
            } else if (line.startsWith("Stale baseline entries")) {
                section = stale;
            } else if (section != null) {
                m = LISTED.matcher(line);
                if (m.matches()) {
                    section.add(m.group(1));
                } else if (!line.isBlank()) {
                    section = null;
                }
            }
        }
        return new ConformanceReport(scenarios, Optional.ofNullable(total), expected, unexpected, stale);
    }

    /** Scenarios with at least one failed check. */
    Set<String> failingScenarios() {
        Set<String> failing = new LinkedHashSet<>();
        scenarios.forEach((name, counts) -> {
            if (counts.failed() > 0) {
                failing.add(name);
            }
        });
        return failing;
    }

    /** Sum of the failed checks of the given scenarios. */
    int failedChecksOf(Set<String> names) {
        return scenarios.entrySet().stream().filter(e -> names.contains(e.getKey()))
                .mapToInt(e -> e.getValue().failed()).sum();
    }

    /**
     * The scenario names of an expected-failures file ({@code server:} list of the suite's YAML baseline).
     * A deliberately small reader: {@code server:} then {@code - name  # reason} items.
     */
    static List<String> readExpectedServerFailures(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> names = new ArrayList<>();
        boolean inServer = false;
        for (String raw : lines) {
            String line = raw.replaceAll("\\s+#.*$", "").replaceAll("^#.*$", "");
            if (line.isBlank()) {
                continue;
            }
            if (!Character.isWhitespace(line.charAt(0)) && !line.startsWith("-")) {
                inServer = line.strip().equals("server:");
                continue;
            }
            String item = line.strip();
            if (inServer && item.startsWith("- ")) {
                names.add(item.substring(2).strip().replaceAll("^['\"]|['\"]$", ""));
            }
        }
        return names;
    }
}
