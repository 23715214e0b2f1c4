/**
 * Service-to-service reads: another service's query API called with the caller's service credentials, instead of
 * reading its schema ({@link io.ridemesh.kit.client.ServiceClient}), and the gateway's unit homes ({@link
 * io.ridemesh.kit.client.GatewayUnitHomes}).
 */
@NullMarked
package io.ridemesh.kit.client;

import org.jspecify.annotations.NullMarked;
