/**
 * Global 64-bit ids (Snowflake-style) unique across regions without coordination, carrying region and unit for routing.
 */
@org.jspecify.annotations.NullMarked
package io.ridemesh.common.id;
