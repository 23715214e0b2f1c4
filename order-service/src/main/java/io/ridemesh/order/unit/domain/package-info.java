/** Units (cities) and their service areas; every ride belongs to the unit of its pickup point. */
@NullMarked
package io.ridemesh.order.unit.domain;

import org.jspecify.annotations.NullMarked;
