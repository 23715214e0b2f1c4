/** The region node: one JVM hosting a region's services, each as its own Spring application context. */
@NullMarked
package io.ridemesh.node;

import org.jspecify.annotations.NullMarked;
