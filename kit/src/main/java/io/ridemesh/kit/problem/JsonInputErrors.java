package io.ridemesh.kit.problem;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Describes why a JSON body could not be read, naming the field as a path like {@code pickup.lat} or
 * {@code points[3].lon}: {@code must be a number, but was 'north'}. Stateless; thread-safe.
 */
public final class JsonInputErrors {

    private JsonInputErrors() {}

    /**
     * The field and reason of the first Jackson error among {@code e} and its causes; {@code body} with "is required"
     * or "must be a JSON object" when there is none (an empty or non-JSON body).
     */
    public static FieldError describe(Throwable e) {
        JacksonException jackson = causeOfType(e, JacksonException.class);
        if (jackson == null) {
            String message = e.getMessage();
            boolean missing = message != null && message.startsWith("Required request body is missing");
            return new FieldError("body", missing ? "is required" : "must be a JSON object");
        }
        String path = path(jackson);
        String field = path.isEmpty() ? "body" : path;
        if (jackson instanceof MismatchedInputException mismatch && !path.isEmpty()) {
            Object value = mismatch instanceof InvalidFormatException format ? format.getValue() : null;
            return new FieldError(
                    field,
                    "must be " + expectedType(mismatch.getTargetType())
                            + (value == null ? "" : ", but was " + quoted(value))
                            + describeToken(mismatch, value));
        }
        return new FieldError(field, "must be well-formed JSON: " + jackson.getOriginalMessage());
    }

    /** The JSON path of {@code e}: property names joined by {@code .}, indexes in brackets; empty at the root. */
    public static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            String name = reference.getPropertyName();
            if (name != null) {
                path.append(path.isEmpty() ? "" : ".").append(name);
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** The first of {@code e} and its causes (at most 20 deep) that is a {@code type}, or null. */
    public static <T extends Throwable> @Nullable T causeOfType(Throwable e, Class<T> type) {
        Throwable cause = e;
        for (int depth = 0; cause != null && depth < 20; depth++) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
            cause = cause.getCause();
        }
        return null;
    }

    private static String describeToken(MismatchedInputException mismatch, @Nullable Object value) {
        if (value != null || mismatch.getCurrentToken() == null) {
            return "";
        }
        return switch (mismatch.getCurrentToken()) {
            case VALUE_STRING -> ", but was a string";
            case VALUE_NUMBER_INT -> ", but was an integer";
            case VALUE_NUMBER_FLOAT -> ", but was a decimal number";
            case VALUE_TRUE, VALUE_FALSE -> ", but was a boolean";
            case START_ARRAY -> ", but was an array";
            case START_OBJECT -> ", but was an object";
            case VALUE_NULL -> ", but was null";
            default -> "";
        };
    }

    private static String expectedType(@Nullable Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "an integer";
        }
        if (type == Double.class || type == double.class) {
            return "a number";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "a boolean";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        return "an object";
    }

    private static String quoted(Object value) {
        return value instanceof String ? "'" + value + "'" : String.valueOf(value);
    }
}
