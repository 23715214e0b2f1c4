/** Probes every region's services and sync-sink replication lag over HTTP; the regions' health as seen from here. */
@NullMarked
package io.ridemesh.gateway.health;

import org.jspecify.annotations.NullMarked;
