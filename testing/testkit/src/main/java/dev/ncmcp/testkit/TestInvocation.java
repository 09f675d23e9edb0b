package dev.ncmcp.testkit;

import dev.ncmcp.spi.Arguments;
import dev.ncmcp.spi.Caller;
import dev.ncmcp.spi.ProgressReporter;
import dev.ncmcp.spi.Scope;
import dev.ncmcp.spi.ToolInvocation;
import dev.ncmcp.spi.nextcloud.NextcloudClient;
import jakarta.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A tool invocation for plugin tests: real arguments, a real Nextcloud client, recorded progress. */
public record TestInvocation(Arguments arguments, NextcloudClient nextcloud, Caller caller,
                             List<String> progressEvents) implements ToolInvocation {

    public static TestInvocation of(JsonObject arguments, NextcloudClient client, Scope... scopes) {
        Caller caller = new Caller(client.loginName(), client.loginName(), Set.of(scopes));
        return new TestInvocation(new Arguments(arguments), client, caller, new ArrayList<>());
    }

    @Override
    public ProgressReporter progress() {
        return (progress, total, message) -> progressEvents.add(progress + "/" + total + " " + message);
    }
}
