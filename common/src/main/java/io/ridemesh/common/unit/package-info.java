/**
 * The units (routing shards, ARCHITECTURE.md section 1) and their one definition: {@link
 * io.ridemesh.common.unit.UnitMap#standard()}, read from {@code units.properties} beside this package.
 */
@NullMarked
package io.ridemesh.common.unit;

import org.jspecify.annotations.NullMarked;
