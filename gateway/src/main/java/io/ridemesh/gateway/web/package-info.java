/** Cross-cutting HTTP concerns: RFC 9457 problem bodies, correlation and trace headers, the console's static page. */
@NullMarked
package io.ridemesh.gateway.web;

import org.jspecify.annotations.NullMarked;
