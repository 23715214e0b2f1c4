package io.ridemesh.dispatch.supply.web;

/**
 * Answer of the supply endpoints.
 *
 * @param driverId the driver
 * @param status available, offered, on_trip or offline
 */
record DriverStatusView(String driverId, String status) {}
