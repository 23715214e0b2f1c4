package io.ridemesh.dispatch.supply.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code POST /v1/drivers/me/locations}: a batch of fixes, at most {@value #MAX_POINTS}.
 *
 * @param points the fixes, any order. The points themselves are checked by {@link LocationBody#check(String)}, not by
 *     Bean Validation: cascading it to up to 500 elements (four decimal constraints each) cost more CPU than the rest
 *     of the request (see {@code ./platform bench locations}).
 */
record LocationsBody(
        @NotNull(message = "is required")
        @Size(min = 1, max = LocationsBody.MAX_POINTS, message = "must hold 1..{max} points")
        @Nullable
        List<LocationBody> points) {

    /** The most points of one batch; also {@code dispatch.supply.max-batch-points}' ceiling. */
    static final int MAX_POINTS = 500;
}
