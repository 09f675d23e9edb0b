package dev.ncmcp.plugin.deck;

import dev.ncmcp.simulator.NextcloudVersion;

/** The Deck scenarios on Nextcloud 31 with deck 1.15.9. */
class DeckToolsNc31Test extends DeckScenarios {

    @Override
    NextcloudVersion version() {
        return NextcloudVersion.NC31;
    }
}
