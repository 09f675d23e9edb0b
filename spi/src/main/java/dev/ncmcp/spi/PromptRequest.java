package dev.ncmcp.spi;

import dev.ncmcp.spi.nextcloud.NextcloudClient;

import java.util.Map;

/** One {@code prompts/get} call; required arguments are checked by the server before this is called. */
public interface PromptRequest {

    Map<String, String> arguments();

    NextcloudClient nextcloud();

    Caller caller();
}
