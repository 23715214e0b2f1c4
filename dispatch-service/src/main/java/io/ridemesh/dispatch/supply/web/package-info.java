/** The driver app's supply API: online, offline, location fixes. */
@NullMarked
package io.ridemesh.dispatch.supply.web;

import org.jspecify.annotations.NullMarked;
