/**
 * Shared kernel of every dispatch feature, with no framework: WGS84 points, service units and H3 cells. Pure Java
 * (ArchUnit forbids Spring, Lettuce, Kafka and JDBC here, as in every {@code domain} package).
 */
@NullMarked
package io.ridemesh.dispatch.geo;

import org.jspecify.annotations.NullMarked;
