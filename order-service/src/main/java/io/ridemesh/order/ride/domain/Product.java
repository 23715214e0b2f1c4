package io.ridemesh.order.ride.domain;

/** What the rider books; the same closed set as pricing-service's quotes. */
public enum Product {
    /** A whole car for the rider's party. */
    SOLO,
    /** A shared ride: the rider books seats and may share the car with other riders. */
    POOL
}
