/** The stateless JWT resource-server chain of a servlet service: {@link io.ridemesh.kit.security.servlet.ServletResourceServer}. */
@NullMarked
package io.ridemesh.kit.security.servlet;

import org.jspecify.annotations.NullMarked;
