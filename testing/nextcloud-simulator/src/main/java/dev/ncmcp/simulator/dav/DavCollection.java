package dev.ncmcp.simulator.dav;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A calendar or address book: its properties, its objects by name, and the change log behind its sync token
 * ({@code http://sabre.io/ns/sync/N}, one step per change, as Sabre's CalDAV and CardDAV backends count).
 * Not thread-safe: the app holding it synchronises.
 */
public final class DavCollection {

    /** One change: the sync token it made and the object it changed (deleted or not). */
    public record Change(long token, String name, boolean deleted) {
    }

    private final Map<String, String> properties = new LinkedHashMap<>();
    private final Map<String, StoredObject> objects = new LinkedHashMap<>();
    private final List<Change> changes = new ArrayList<>();
    private long syncToken = 1;
    private boolean deleted;

    public Map<String, String> properties() {
        return properties;
    }

    public Optional<String> property(String name) {
        return Optional.ofNullable(properties.get(name));
    }

    public Map<String, StoredObject> objects() {
        return objects;
    }

    public long syncToken() {
        return syncToken;
    }

    public String syncTokenUri() {
        return "http://sabre.io/ns/sync/" + syncToken;
    }

    public boolean deleted() {
        return deleted;
    }

    public void deleted(boolean deleted) {
        this.deleted = deleted;
    }

    public void put(String name, StoredObject object) {
        objects.put(name, object);
        changes.add(new Change(syncToken++, name, false));
    }

    public void remove(String name) {
        objects.remove(name);
        changes.add(new Change(syncToken++, name, true));
    }

    /** The objects changed since {@code token}, each once with its last change. */
    public List<Change> changesSince(long token) {
        Map<String, Change> last = new LinkedHashMap<>();
        for (Change change : changes) {
            if (change.token() >= token) {
                last.remove(change.name());
                last.put(change.name(), change);
            }
        }
        return List.copyOf(last.values());
    }
}
