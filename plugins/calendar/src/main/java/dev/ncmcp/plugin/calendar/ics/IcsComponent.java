package dev.ncmcp.plugin.calendar.ics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One iCalendar component (VCALENDAR, VEVENT, VTODO, VTIMEZONE, VALARM, or anything unknown) kept as written: its
 * properties with their raw values and parameters, and its sub-components, in their order. Only what a tool changes
 * is changed, so unknown properties, parameters and components survive an update untouched.
 */
public final class IcsComponent {

    private final String name;
    private final List<IcsProperty> properties = new ArrayList<>();
    private final List<IcsComponent> components = new ArrayList<>();

    public IcsComponent(String name) {
        this.name = name.toUpperCase(Locale.ROOT);
    }

    public String name() {
        return name;
    }

    public boolean is(String other) {
        return name.equalsIgnoreCase(other);
    }

    public List<IcsProperty> properties() {
        return properties;
    }

    public List<IcsComponent> components() {
        return components;
    }

    public List<IcsComponent> components(String componentName) {
        return components.stream().filter(c -> c.is(componentName)).toList();
    }

    public Optional<IcsProperty> property(String propertyName) {
        return properties.stream().filter(p -> p.is(propertyName)).findFirst();
    }

    public List<IcsProperty> properties(String propertyName) {
        return properties.stream().filter(p -> p.is(propertyName)).toList();
    }

    /** The unescaped text of a property, or empty. */
    public Optional<String> text(String propertyName) {
        return property(propertyName).map(IcsProperty::text);
    }

    /** The raw value of a property, or empty. */
    public Optional<String> value(String propertyName) {
        return property(propertyName).map(IcsProperty::value);
    }

    public IcsComponent add(IcsProperty property) {
        properties.add(property);
        return this;
    }

    public IcsComponent add(IcsComponent component) {
        components.add(component);
        return this;
    }

    /** Replaces every property of this name by {@code property}, in the place of the first one (or at the end). */
    public IcsComponent set(IcsProperty property) {
        int at = indexOf(property.name());
        removeAll(property.name());
        properties.add(at < 0 ? properties.size() : Math.min(at, properties.size()), property);
        return this;
    }

    /** Sets a text property (escaped), or removes it when {@code text} is blank. */
    public IcsComponent setText(String propertyName, String text) {
        if (text == null || text.isBlank()) {
            return removeAll(propertyName);
        }
        return set(IcsProperty.text(propertyName, text));
    }

    public IcsComponent removeAll(String propertyName) {
        properties.removeIf(p -> p.is(propertyName));
        return this;
    }

    public IcsComponent removeComponents(Predicate<IcsComponent> which) {
        components.removeIf(which);
        return this;
    }

    private int indexOf(String propertyName) {
        for (int i = 0; i < properties.size(); i++) {
            if (properties.get(i).is(propertyName)) {
                return i;
            }
        }
        return -1;
    }

    /** A deep copy. */
    public IcsComponent copy() {
        IcsComponent copy = new IcsComponent(name);
        copy.properties.addAll(properties);
        components.forEach(c -> copy.components.add(c.copy()));
        return copy;
    }
}
