/** sync-sink's HTTP doors: its actuator behind platform tokens, problem details for every error. */
@NullMarked
package io.ridemesh.sync.web;

import org.jspecify.annotations.NullMarked;
