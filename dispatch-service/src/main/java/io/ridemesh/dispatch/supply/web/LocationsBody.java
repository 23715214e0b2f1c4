package io.ridemesh.dispatch.supply.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code POST /v1/drivers/me/locations}: a batch of fixes, at most {@value #MAX_POINTS}.
 *
 * @param points the fixes, any order
 */
record LocationsBody(
        @NotNull(message = "is required")
                @Size(min = 1, max = LocationsBody.MAX_POINTS, message = "must hold 1..{max} points")
                @Nullable
                List<@NotNull(message = "is required") @Valid LocationBody> points) {

    /** The most points of one batch; also {@code dispatch.supply.max-batch-points}' ceiling. */
    static final int MAX_POINTS = 500;
}
