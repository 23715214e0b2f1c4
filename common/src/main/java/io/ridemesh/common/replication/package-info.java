/** The replicated-row contract (ARCHITECTURE section 2): merge keys, merge decisions, table checksums. */
@NullMarked
package io.ridemesh.common.replication;

import org.jspecify.annotations.NullMarked;
