package dev.ncmcp.plugin.sharing;

import dev.ncmcp.spi.tool.Name;

import java.util.Arrays;

/** Whom a share reaches, as Nextcloud numbers it ({@code OCP\Share\IShare::TYPE_*}). */
enum ShareType {
    USER(0), GROUP(1), LINK(3), EMAIL(4), FEDERATED(6), TEAM(7), @Name("talk_conversation") TALK(10), DECK(12),
    /** A type of an app this plugin does not know. */
    OTHER(-1);

    final int code;

    ShareType(int code) {
        this.code = code;
    }

    static ShareType of(int code) {
        return Arrays.stream(values()).filter(type -> type.code == code).findFirst().orElse(OTHER);
    }
}
