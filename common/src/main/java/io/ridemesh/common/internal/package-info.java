/**
 * Implementation details shared by the {@code hlc} and {@code id} packages; not API, may change without notice.
 */
@org.jspecify.annotations.NullMarked
package io.ridemesh.common.internal;
