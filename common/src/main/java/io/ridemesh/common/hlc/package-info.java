/**
 * Hybrid Logical Clock: 64-bit timestamps that order events across regions and survive wall-clock steps back.
 */
@org.jspecify.annotations.NullMarked
package io.ridemesh.common.hlc;
