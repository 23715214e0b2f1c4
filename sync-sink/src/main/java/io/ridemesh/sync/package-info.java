/** sync-sink: binlog capture to Kafka and conflict-resolving apply of the other regions' changes. */
@NullMarked
package io.ridemesh.sync;

import org.jspecify.annotations.NullMarked;
