package dev.ncmcp.simulator;

import java.nio.charset.StandardCharsets;

/**
 * A few notes and files for the demo mode.
 */
final class SampleData {
    private SampleData() {
    }

    static void seed(Storage storage, String user) {
        storage.with(user, data -> {
            NoteStore notes = new NoteStore(data);
            notes.create("Welcome", """
                    # Welcome

                    This note lives in your **Nextcloud Notes** folder as a markdown file.
                    """, "", true, null);
            notes.create("Shopping list", """
                    Shopping list

                    - milk
                    - eggs
                    - bread
                    """, "Home", false, null);
            notes.create("Meeting notes", """
                    # Meeting notes

                    Agenda: budget, roadmap, hiring
                    """, "Work/Projects", false, null);
            notes.create("Ideas", "Ideas\n\n* write a sidecar\n* try the simulator\n", "Work", false, null);

            FileTree files = data.files();
            FileNode documents = files.mkdirs("Documents");
            files.createFile(documents, "Readme.md", bytes("# Documents\n\nSample files of the simulator.\n"), null);
            files.createFile(documents, "Project plan.txt", bytes("1. plan\n2. build\n3. ship\n"), null);
            files.createFile(documents, "data.json", bytes("{\"answer\":42}\n"), null);
            files.mkdirs("Photos");
            return null;
        });
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
