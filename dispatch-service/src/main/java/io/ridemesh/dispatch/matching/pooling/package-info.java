/**
 * The pooling feature: POOL rides join active shared trips nearby when every rider's wait and detour promises hold
 * (MATSim DRT's constraints; Bischoff, Maciejewski &amp; Nagel 2017), and accepted POOL rides start shared trips.
 */
@NullMarked
package io.ridemesh.dispatch.matching.pooling;

import org.jspecify.annotations.NullMarked;
