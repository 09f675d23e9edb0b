package dev.ncmcp.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import dev.ncmcp.server.store.ImportsUpward;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

/**
 * The package map of {@code dev.ncmcp.server}, checked: a package imports only packages on a lower line, and only
 * the HTTP areas use the HTTP server.
 */
class ArchitectureTest {
    private static final String BASE = "dev.ncmcp.server";

    /** Top to bottom; packages on one line are beside each other and do not import each other. */
    private static final List<List<String>> MAP = List.of(
            List.of(""),                                       // Main, Sidecar: wire everything
            List.of("transport", "oauth"),                     // the HTTP areas
            List.of("features"),                               // dispatcher, tools/resources/prompts, app gating
            List.of("elicitation"),
            List.of("protocol"),                               // JSON-RPC codec, errors, eras and versions
            List.of("plugin", "security", "connection"),
            List.of("nextcloud"),                              // client factory, credentials per auth mode
            List.of("store"),
            List.of("schema", "idp", "observe", "config", "demo")); // leaves
    /** The packages that may use {@code io.helidon.webserver}. */
    private static final Set<String> HTTP_SERVER_USERS = Set.of("", "transport", "oauth", "observe");

    private static final JavaClasses SERVER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(BASE);

    @Test
    void packagesImportOnlyPackagesBelowThemOnTheMap() {
        String violations = violations(packageMap(), SERVER);
        assertThat(violations, violations.isEmpty(), is(true));
    }

    @Test
    void onlyTheHttpAreasUseTheHttpServer() {
        httpServerOnlyInTheHttpAreas().check(SERVER);
    }

    @Test
    void everyPackageIsOnTheMap() {
        Set<String> onTheMap = MAP.stream().flatMap(List::stream).map(ArchitectureTest::qualified)
                .collect(Collectors.toSet());
        Set<String> missing = new TreeSet<>();
        for (JavaClass type : SERVER) {
            if (!onTheMap.contains(type.getPackageName())) {
                missing.add(type.getPackageName());
            }
        }
        assertThat("packages to place on the map in ArchitectureTest.MAP", missing, is(empty()));
    }

    @Test
    void anUpwardImportFailsNamingTheRule() {
        String report = violations(packageMap(), new ClassFileImporter().importClasses(ImportsUpward.class));
        assertThat(report, containsString("package map: store imports no package above or beside it"));
        assertThat(report, containsString(ImportsUpward.class.getName() + ".endpoint"));
    }

    /** The failure reports of the rules {@code classes} violate, each naming its rule; empty when none. */
    private static String violations(List<ArchRule> rules, JavaClasses classes) {
        return rules.stream().map(rule -> rule.evaluate(classes)).filter(EvaluationResult::hasViolation)
                .map(result -> result.getFailureReport().toString())
                .collect(Collectors.joining("\n"));
    }

    /** One rule per package: it imports nothing on its own line of the map or above. */
    private static List<ArchRule> packageMap() {
        List<ArchRule> rules = new ArrayList<>();
        for (int line = 0; line < MAP.size(); line++) {
            for (String name : MAP.get(line)) {
                Set<String> forbidden = new TreeSet<>();
                for (int above = 0; above <= line; above++) {
                    MAP.get(above).stream().filter(other -> !other.equals(name)).forEach(forbidden::add);
                }
                if (!forbidden.isEmpty()) {
                    rules.add(noClasses().that().resideInAPackage(qualified(name))
                            .should().dependOnClassesThat().resideInAnyPackage(forbidden.stream()
                                    .map(ArchitectureTest::qualified).toArray(String[]::new))
                            .as("package map: " + display(name) + " imports no package above or beside it ("
                                    + forbidden.stream().map(ArchitectureTest::display)
                                    .collect(Collectors.joining(", ")) + ")")
                            .allowEmptyShould(true));
                }
            }
        }
        return rules;
    }

    private static ArchRule httpServerOnlyInTheHttpAreas() {
        return noClasses().that().resideOutsideOfPackages(HTTP_SERVER_USERS.stream()
                        .map(ArchitectureTest::qualified).toArray(String[]::new))
                .should().dependOnClassesThat().resideInAPackage("io.helidon.webserver..")
                .as("below the transport nothing imports io.helidon.webserver (only "
                        + HTTP_SERVER_USERS.stream().sorted().map(ArchitectureTest::display)
                        .collect(Collectors.joining(", ")) + " may)");
    }

    private static String qualified(String name) {
        return name.isEmpty() ? BASE : BASE + "." + name;
    }

    private static String display(String name) {
        return name.isEmpty() ? "root" : name;
    }
}
