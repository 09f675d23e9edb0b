package dev.ncmcp.spi.nextcloud;

import dev.ncmcp.spi.ToolException;

/** A failure talking to Nextcloud; its message names what failed and is safe to show the model. */
public class NextcloudException extends ToolException {

    private static final long serialVersionUID = 1L;

    public NextcloudException(Kind kind, String message) {
        super(kind, message);
    }

    public NextcloudException(Kind kind, String message, Throwable cause) {
        super(kind, message, null, cause);
    }
}
