package io.ridemesh.gateway.failover.application;

/**
 * A failover call that cannot be carried out. Closed set; the HTTP status is the web layer's business: unknown
 * references are 404, the rest 409 (the request was valid but the deployment's state does not allow it).
 */
public abstract sealed class FailoverRejected extends RuntimeException
        permits FailoverRejected.UnknownRegion,
                FailoverRejected.UnknownUnitReference,
                FailoverRejected.NoHealthyRegion,
                FailoverRejected.NothingToMove,
                FailoverRejected.RegionCannotServe,
                FailoverRejected.RegionCatchingUp,
                FailoverRejected.ConcurrentMove {

    private static final long serialVersionUID = 1L;

    FailoverRejected(String message) {
        super(message);
    }

    /** No configured region has that name or id. */
    public static final class UnknownRegion extends FailoverRejected {
        private static final long serialVersionUID = 1L;

        public UnknownRegion(String ref) {
            super("region '" + ref + "' is not a configured region (give its name, e.g. a, or its id)");
        }
    }

    /** No unit has that id or code. */
    public static final class UnknownUnitReference extends FailoverRejected {
        private static final long serialVersionUID = 1L;

        public UnknownUnitReference(String ref) {
            super("unit '" + ref + "' is not in the routing table (give its id, e.g. 1, or its code, e.g. nyc)");
        }
    }

    /** No surviving region can take the units. */
    public static final class NoHealthyRegion extends FailoverRejected {
        private static final long serialVersionUID = 1L;

        public NoHealthyRegion(String region) {
            super("no region other than " + region
                    + " is healthy enough to take its units (order, pricing and dispatch must all be up)");
        }
    }

    /** The call would move nothing. */
    public static final class NothingToMove extends FailoverRejected {
        private static final long serialVersionUID = 1L;

        public NothingToMove(String message) {
            super(message);
        }
    }

    /** The destination region cannot serve. */
    public static final class RegionCannotServe extends FailoverRejected {
        private static final long serialVersionUID = 1L;

        public RegionCannotServe(String region, String state) {
            super("region " + region + " cannot take units now: it is " + state
                    + " (order, pricing and dispatch must all be up)");
        }
    }

    /** The returning region has not applied its peers' changes yet (fail-back waits for it). */
    public static final class RegionCatchingUp extends FailoverRejected {
        private static final long serialVersionUID = 1L;

        public RegionCatchingUp(String region, long backlog, long maxBacklog) {
            super(
                    backlog < 0
                            ? "region " + region
                                    + " cannot take its units back yet: its replication backlog is unknown (its"
                                    + " sync-sink has not answered); try again"
                            : "region " + region + " cannot take its units back yet: it still has " + backlog
                                    + " changes of its peers to apply (at most " + maxBacklog + "); try again");
        }
    }

    /** The CAS kept losing to concurrent writes. */
    public static final class ConcurrentMove extends FailoverRejected {
        private static final long serialVersionUID = 1L;

        public ConcurrentMove(int unitId, int attempts) {
            super("unit " + unitId + " changed concurrently " + attempts + " times in a row; re-read and retry");
        }
    }
}
