/** Where units are homed (their definitions are common's {@code UnitMap}); every ride belongs to the unit of its pickup. */
@NullMarked
package io.ridemesh.order.unit.domain;

import org.jspecify.annotations.NullMarked;
