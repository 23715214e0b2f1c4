package io.ridemesh.kit.problem;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Collects {@link FieldError}s while a request is checked, so one response lists every bad field. Not thread-safe;
 * one instance per request.
 */
public final class FieldErrors {

    private final List<FieldError> errors = new ArrayList<>();

    /** Records a rejected field. */
    public void reject(String field, String detail) {
        errors.add(new FieldError(field, detail));
    }

    /** Whether nothing was rejected so far. */
    public boolean isEmpty() {
        return errors.isEmpty();
    }

    /**
     * Records {@code field} as missing if {@code value} is null.
     *
     * @return whether the value is present
     */
    public boolean requirePresent(String field, @Nullable Object value) {
        if (value == null) {
            reject(field, "is required");
            return false;
        }
        return true;
    }

    /**
     * Throws if anything was rejected.
     *
     * @throws InvalidRequest listing every rejected field
     */
    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new InvalidRequest(errors);
        }
    }
}
