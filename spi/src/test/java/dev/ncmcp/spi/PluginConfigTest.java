package dev.ncmcp.spi;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PluginConfigTest {

    static final List<ConfigKey> KEYS = List.of(
            ConfigKey.integer("read.limit", 5_242_880, 1, Long.MAX_VALUE, "Largest file to read"),
            ConfigKey.bool("trash", true, "Use the trash bin"),
            ConfigKey.string("folder", "Notes", "Folder"));

    @Test
    void valuesAreTypedAndDefaultsApply() {
        PluginConfig config = PluginConfig.of("files", KEYS, Map.of("read.limit", " 1000 ", "trash", "off"));
        assertEquals(1000, config.integer("read.limit"));
        assertFalse(config.bool("trash"));
        assertEquals("Notes", config.string("folder"));
        assertEquals(5_242_880, PluginConfig.defaults("files", KEYS).integer("read.limit"));
    }

    @Test
    void mistakesNameTheKeyAndItsVariable() {
        IllegalArgumentException range = assertThrows(IllegalArgumentException.class,
                () -> PluginConfig.of("files", KEYS, Map.of("read.limit", "0")));
        assertTrue(range.getMessage().contains("plugins.files.read.limit (PLUGINS_FILES_READ_LIMIT)"), range.getMessage());
        assertTrue(range.getMessage().contains("between 1 and"), range.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> PluginConfig.of("files", KEYS, Map.of("read.limt", "5")));
        assertTrue(unknown.getMessage().contains("plugins.files.read.limt: unknown key"), unknown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PluginConfig.of("files", KEYS, Map.of("trash", "maybe")));
        assertThrows(IllegalArgumentException.class, () -> ConfigKey.integer("readLimit", 1, 0, 2, "camel case"));
        assertThrows(IllegalArgumentException.class, () -> PluginConfig.defaults("files", KEYS).string("trash"));
    }
}
