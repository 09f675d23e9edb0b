package dev.ncmcp.simulator.notes;

/**
 * {@code <start>-<modified of last note sent>-<id of last note sent>}, as the app formats it.
 */
record ChunkCursor(long start, long lastModified, long lastId) {

    static ChunkCursor parse(String text) {
        String[] p = text.split("-");
        try {
            return new ChunkCursor(Long.parseLong(p[0]), Long.parseLong(p[1]), Long.parseLong(p[2]));
        } catch (RuntimeException e) {
            return null;
        }
    }

    boolean isBefore(Note note) {
        return note.modified() > lastModified || (note.modified() == lastModified && note.id() > lastId);
    }

    @Override
    public String toString() {
        return start + "-" + lastModified + "-" + lastId;
    }
}
