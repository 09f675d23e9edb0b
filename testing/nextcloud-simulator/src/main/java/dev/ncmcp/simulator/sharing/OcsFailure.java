package dev.ncmcp.simulator.sharing;

/** Nextcloud's OCS refusal of a share request: the status code and its sentence. */
final class OcsFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    final int status;

    OcsFailure(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }
}
