/**
 * Shared kernel of the gateway: the regions of the deployment, their services and their health as seen from here. No
 * framework.
 */
@NullMarked
package io.ridemesh.gateway.region;

import org.jspecify.annotations.NullMarked;
