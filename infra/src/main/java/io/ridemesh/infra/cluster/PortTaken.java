package io.ridemesh.infra.cluster;

/** A port of the plan is already in use by a process the playground did not start. */
public final class PortTaken extends PlatformException {

    private static final long serialVersionUID = 1L;

    private final int port;

    public PortTaken(int port, String component) {
        super("port " + port + " (" + component + ") is already in use by another process; stop it, or choose"
                + " another --base-port");
        this.port = port;
    }

    /** The taken port. */
    public int port() {
        return port;
    }
}
