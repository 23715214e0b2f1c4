package io.ridemesh.gateway.ratelimit;

/** The caller's token bucket is empty (429). */
public final class RateLimited extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RateLimited(String key, int replenishRate, int burstCapacity) {
        super("too many requests from " + key + ": at most " + burstCapacity + " at once and " + replenishRate
                + " per second after that; retry later");
    }
}
