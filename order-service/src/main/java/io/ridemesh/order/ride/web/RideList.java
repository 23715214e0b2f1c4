package io.ridemesh.order.ride.web;

import java.util.List;

/**
 * Body of {@code GET /v1/rides}.
 *
 * @param rides newest request first, at most {@code order.list-limit}
 */
public record RideList(List<RideView> rides) {}
