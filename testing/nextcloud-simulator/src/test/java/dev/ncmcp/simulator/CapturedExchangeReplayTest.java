package dev.ncmcp.simulator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Replays the reference captures ({@code src/test/resources/nextcloud-captures}, copied from the team's
 * {@code shared/reference/nextcloud}) against the simulator:
 * one dynamic test per capture file.
 *
 * <p>Not replayed at all: {@code login-flow-v2/} (needs the browser steps; the API part is covered by
 * {@link SimulatorBehaviourTest}), {@code app-password/} (needs the login password, getapppassword and
 * rotation, which the simulator does not implement), and the folders of apps the simulator does
 * not cover (oidc). CalDAV and CardDAV were captured on Nextcloud 31 only (no -nc29 variants: the dav app
 * answered the same on 29).
 */
class CapturedExchangeReplayTest {
    /** A copy of the team's reference captures, kept with the tests so they run from any checkout. */
    private static final Path REFERENCE = Path.of(System.getProperty("nextcloud.reference.dir",
            "src/test/resources/nextcloud-captures")).toAbsolutePath();

    /** Capture files inside the replayed folders that are deliberately skipped, with the reason. */
    static final Map<String, String> EXCLUDED = Map.of(
            "webdav-files/40-trashbin-propfind.http", "the trash bin is not simulated (DELETE removes for good)");

    private static final String NC29_THIRD_ROW = "tables 0.9 stored step 11's row without its mandatory column "
            + "(11-row-create-missing-mandatory-nc29), so its table has one row more than the NC31 answer shows";

    /** Nextcloud 31 captures that the Nextcloud 29 sequence skips although no -nc29 variant exists, with the reason. */
    static final Map<String, String> EXCLUDED_ON_NC29 = Map.of(
            "deck/24-stacks-archived.http", "its archived card was archived by step 23's /archive route, which deck "
                    + "1.13 does not have (23-card-archive-nc29: 405), so on Nextcloud 29 no card is archived yet",
            "tables/15-rows-simple-v1.http", NC29_THIRD_ROW,
            "tables/21-table-get-ocs.http", NC29_THIRD_ROW,
            "tables/22-table-get-v1.http", NC29_THIRD_ROW);

    private static final List<NextcloudSimulator> STARTED = new ArrayList<>();

    @AfterAll
    static void stopAll() {
        STARTED.forEach(NextcloudSimulator::stop);
    }

    @TestFactory
    Stream<DynamicTest> notesNc31() throws IOException {
        return sequence("notes", NextcloudVersion.NC31, false, b -> { });
    }

    /** NC29 sequence: the -nc29 variant where one exists, else the NC31 file (same shape per README). */
    @TestFactory
    Stream<DynamicTest> notesNc29() throws IOException {
        return sequence("notes", NextcloudVersion.NC29, false, b -> { });
    }

    /** Deck from the state the captures start in: bob's "Personal" board and two deleted boards of earlier runs. */
    @TestFactory
    Stream<DynamicTest> deckNc31() throws IOException {
        return sequence("deck", NextcloudVersion.NC31, false, b -> { }, DeckHistory::recreate);
    }

    /** Deck 1.13: the -nc29 captures where the answer differed, else the NC31 capture of the step. */
    @TestFactory
    Stream<DynamicTest> deckNc29() throws IOException {
        return sequence("deck", NextcloudVersion.NC29, false, b -> { }, DeckHistory::recreate);
    }

    /** Sharing from bob's files as the captures found them: share-demo.txt and the Project folder. */
    @TestFactory
    Stream<DynamicTest> sharingNc31() throws IOException {
        return sequence("sharing", NextcloudVersion.NC31, false, b -> { }, SharingHistory::recreate);
    }

    /** Nextcloud 29: no mount keys, null labels in lists, public downloads sent directly. */
    @TestFactory
    Stream<DynamicTest> sharingNc29() throws IOException {
        return sequence("sharing", NextcloudVersion.NC29, false, b -> { }, SharingHistory::recreate);
    }

    @TestFactory
    Stream<DynamicTest> cookbookNc31() throws IOException {
        return sequence("cookbook", NextcloudVersion.NC31, false, b -> { });
    }

    /** cookbook 0.11.5: only its version differs. */
    @TestFactory
    Stream<DynamicTest> cookbookNc29() throws IOException {
        return sequence("cookbook", NextcloudVersion.NC29, false, b -> { });
    }

    /** Tables 1.0.9, with the ids the capture run had (see {@link TablesHistory}). */
    @TestFactory
    Stream<DynamicTest> tablesNc31() throws IOException {
        return sequence("tables", NextcloudVersion.NC31, false, b -> { }, TablesHistory::nc31);
    }

    /** Tables 0.9.11: the -nc29 captures where the answer differed, else the NC31 capture of the step. */
    @TestFactory
    Stream<DynamicTest> tablesNc29() throws IOException {
        return sequence("tables", NextcloudVersion.NC29, false, b -> { }, TablesHistory::nc29);
    }

    @TestFactory
    Stream<DynamicTest> ocsCapabilitiesNc31() throws IOException {
        return sequence("ocs-capabilities", NextcloudVersion.NC31, false, b -> { });
    }

    /** Only the files with an -nc29 variant (the user data differs between versions). */
    @TestFactory
    Stream<DynamicTest> ocsCapabilitiesNc29() throws IOException {
        return sequence("ocs-capabilities", NextcloudVersion.NC29, true, b -> { });
    }

    @TestFactory
    Stream<DynamicTest> webDavFilesNc31() throws IOException {
        return sequence("webdav-files", NextcloudVersion.NC31, false, b -> { });
    }

    @TestFactory
    Stream<DynamicTest> webDavFilesNc29() throws IOException {
        return sequence("webdav-files", NextcloudVersion.NC29, true, b -> { });
    }

    @TestFactory
    Stream<DynamicTest> calDavNc31() throws IOException {
        return sequence("caldav", NextcloudVersion.NC31, false, b -> { });
    }

    /** The same exchanges against an NC29 simulator: the dav app has no version differences in the captures. */
    @TestFactory
    Stream<DynamicTest> calDavNc29() throws IOException {
        return sequence("caldav", NextcloudVersion.NC29, false, b -> { });
    }

    @TestFactory
    Stream<DynamicTest> cardDavNc31() throws IOException {
        return sequence("carddav", NextcloudVersion.NC31, false, b -> { });
    }

    /** Every errors/ file on its own fresh simulator, configured for the situation it shows. */
    @TestFactory
    Stream<DynamicTest> errors() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : files("errors")) {
            String name = file.getFileName().toString();
            String key = "errors/" + name;
            if (EXCLUDED.containsKey(key)) {
                continue;
            }
            NextcloudVersion version = name.contains("-nc29") ? NextcloudVersion.NC29 : NextcloudVersion.NC31;
            tests.add(DynamicTest.dynamicTest(key, file.toUri(), () -> {
                NextcloudSimulator.Builder builder = builder(version);
                if (name.contains("not-enabled-for-user")) {
                    builder.notesAppDisabledFor("bob");
                }
                NextcloudSimulator sim = start(builder);
                if (name.contains("maintenance")) {
                    sim.maintenance(true);
                }
                new CaptureReplayer(sim).replay(CapturedExchange.parse(file));
            }));
        }
        return tests.stream();
    }

    private Stream<DynamicTest> sequence(String folder, NextcloudVersion version, boolean onlyVariants,
                                         Consumer<NextcloudSimulator.Builder> config) throws IOException {
        return sequence(folder, version, onlyVariants, config, sim -> { });
    }

    /** {@code prelude} brings the started simulator into the state the folder's first capture found the server in. */
    private Stream<DynamicTest> sequence(String folder, NextcloudVersion version, boolean onlyVariants,
                                         Consumer<NextcloudSimulator.Builder> config,
                                         Consumer<NextcloudSimulator> prelude) throws IOException {
        List<Path> chosen = chooseFiles(folder, version, onlyVariants);
        NextcloudSimulator.Builder builder = builder(version);
        config.accept(builder);
        NextcloudSimulator sim = start(builder);
        prelude.accept(sim);
        CaptureReplayer replayer = new CaptureReplayer(sim);
        return chosen.stream().map(file -> DynamicTest.dynamicTest(
                folder + "/" + file.getFileName() + " [" + version + "]", file.toUri(),
                () -> replayer.replay(CapturedExchange.parse(file), aliases(file))));
    }

    /** The captures of the same step (NN) in the other version. */
    private static List<CapturedExchange> aliases(Path file) throws IOException {
        String name = file.getFileName().toString();
        String nn = name.substring(0, name.indexOf('-'));
        List<CapturedExchange> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(file.getParent())) {
            for (Path other : s.filter(p -> p.getFileName().toString().startsWith(nn + "-") && !p.equals(file)).toList()) {
                out.add(CapturedExchange.parse(other));
            }
        }
        return out;
    }

    /** Files of a folder in capture order; for NC29 the -nc29 variant replaces the NC31 file of the same NN. */
    private static List<Path> chooseFiles(String folder, NextcloudVersion version, boolean onlyVariants)
            throws IOException {
        TreeMap<String, Path> byNumber = new TreeMap<>();
        for (Path file : files(folder)) {
            String name = file.getFileName().toString();
            if (EXCLUDED.containsKey(folder + "/" + name)
                    || (version == NextcloudVersion.NC29 && EXCLUDED_ON_NC29.containsKey(folder + "/" + name))) {
                continue;
            }
            boolean variant = name.endsWith("-nc29.http");
            String nn = name.substring(0, name.indexOf('-'));
            if (version == NextcloudVersion.NC31) {
                if (!variant) {
                    byNumber.put(nn, file);
                }
            } else if (variant) {
                byNumber.put(nn, file);
            } else if (!onlyVariants) {
                byNumber.putIfAbsent(nn, file);
            }
        }
        return List.copyOf(byNumber.values());
    }

    private static List<Path> files(String folder) throws IOException {
        Path dir = REFERENCE.resolve(folder);
        assumeTrue(Files.isDirectory(dir), "reference captures not available at " + dir);
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".http")).sorted().toList();
        }
    }

    private static NextcloudSimulator.Builder builder(NextcloudVersion version) {
        return NextcloudSimulator.builder().version(version)
                .user("bob", CaptureReplayer.BOB_PASSWORD, "Bob Tester")
                .user("admin", CaptureReplayer.ADMIN_PASSWORD, "admin");
    }

    private static synchronized NextcloudSimulator start(NextcloudSimulator.Builder builder) {
        NextcloudSimulator sim = builder.build().start();
        STARTED.add(sim);
        return sim;
    }
}
