package dev.ncmcp.plugin.deck;

import dev.ncmcp.simulator.NextcloudVersion;

/**
 * The Deck scenarios on Nextcloud 29 with deck 1.13.10: no archive routes (405), bare card entities from create and
 * update, owners as plain strings there.
 */
class DeckToolsNc29Test extends DeckScenarios {

    @Override
    NextcloudVersion version() {
        return NextcloudVersion.NC29;
    }
}
