package dev.ncmcp.spi;

import dev.ncmcp.spi.nextcloud.NextcloudClient;

import java.util.Map;

/** One {@code resources/read} call. */
public interface ResourceRequest {

    /** The requested URI. */
    String uri();

    /** Values of the template variables (empty for fixed resources). */
    Map<String, String> variables();

    NextcloudClient nextcloud();

    Caller caller();
}
