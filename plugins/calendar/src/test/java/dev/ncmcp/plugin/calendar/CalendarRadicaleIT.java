package dev.ncmcp.plugin.calendar;

import dev.ncmcp.server.nextcloud.NextcloudClientFactory;
import dev.ncmcp.server.nextcloud.NextcloudHttpSettings;
import dev.ncmcp.testkit.Radicale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The calendar scenarios against a real Radicale (CalDAV), found by RFC 6764 discovery. */
class CalendarRadicaleIT extends CalendarScenarios {

    private static Radicale radicale;

    @BeforeAll
    static void start() throws Exception {
        radicale = Radicale.start();
        client = NextcloudClientFactory.create(NextcloudHttpSettings.builder().baseUrl(radicale.baseUrl()).build())
                .appPassword(Radicale.USER, Radicale.PASSWORD);
        tools = new ToolCaller(client, Radicale.PASSWORD);
    }

    @AfterAll
    static void stop() {
        if (radicale != null) {
            radicale.close();
        }
    }
}
