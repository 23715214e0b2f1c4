/** Geography shared by services: WGS84 points, great-circle distance, H3 cells. */
@NullMarked
package io.ridemesh.common.geo;

import org.jspecify.annotations.NullMarked;
