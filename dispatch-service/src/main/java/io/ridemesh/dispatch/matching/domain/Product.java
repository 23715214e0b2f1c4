package io.ridemesh.dispatch.matching.domain;

/** The ride products, as order-service and pricing-service name them. */
public enum Product {
    /** A private ride. */
    SOLO,
    /** A shared ride (see {@code io.ridemesh.dispatch.matching.pooling.domain}). */
    POOL
}
