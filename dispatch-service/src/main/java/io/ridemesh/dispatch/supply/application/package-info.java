/** Supply use cases: going online and offline, recording location fixes, sweeping stale drivers. */
@NullMarked
package io.ridemesh.dispatch.supply.application;

import org.jspecify.annotations.NullMarked;
