package dev.ncmcp.plugin.sharing;

import dev.ncmcp.spi.tool.Name;

/** The kinds of share a tool can create (Deck card shares belong to the Deck tools). */
enum NewShareType {
    USER(ShareType.USER), GROUP(ShareType.GROUP), LINK(ShareType.LINK), EMAIL(ShareType.EMAIL),
    FEDERATED(ShareType.FEDERATED), TEAM(ShareType.TEAM), @Name("talk_conversation") TALK(ShareType.TALK);

    final ShareType type;

    NewShareType(ShareType type) {
        this.type = type;
    }
}
