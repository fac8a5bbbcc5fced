package ai.evo.core.application.shared;

import java.util.Objects;
import java.util.function.Function;

/**
 * One field of a create or update request, telling "left out" apart from "sent as null". An update keeps the
 * stored value of a field that was left out; a field sent as null is cleared, where the field allows that.
 * Immutable.
 *
 * @param <T> the field's type
 */
public final class FieldUpdate<T> {
    private static final FieldUpdate<?> KEEP = new FieldUpdate<>(false, null);

    private final boolean present;
    private final T value;

    private FieldUpdate(boolean present, T value) {
        this.present = present;
        this.value = value;
    }

    /** Returns a field that was left out of the request. */
    @SuppressWarnings("unchecked")
    public static <T> FieldUpdate<T> keep() {
        return (FieldUpdate<T>) KEEP;
    }

    /**
     * Returns a field that was sent.
     *
     * @param value the value sent, possibly null
     * @param <T>   the field's type
     * @return the field
     */
    public static <T> FieldUpdate<T> set(T value) {
        return new FieldUpdate<>(true, value);
    }

    /** Returns whether the request contained the field. */
    public boolean isPresent() {
        return present;
    }

    /** Returns the value sent, or null when the field was left out or sent as null. */
    public T value() {
        return value;
    }

    /**
     * Returns the value sent, or {@code current} when the field was left out.
     *
     * @param current the stored value, or the default for a new resource
     * @return the value to use
     */
    public T orElse(T current) {
        return present ? value : current;
    }

    /**
     * Converts the value sent, keeping "left out" as it is.
     *
     * @param mapper the conversion, applied to a present value, null included
     * @param <R>    the new type
     * @return the converted field
     */
    public <R> FieldUpdate<R> map(Function<T, R> mapper) {
        return present ? set(mapper.apply(value)) : keep();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FieldUpdate<?> field && field.present == present && Objects.equals(field.value, value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(present, value);
    }

    /** Returns a description that never shows the value, because some fields hold secrets. */
    @Override
    public String toString() {
        return present ? (value == null ? "FieldUpdate[null]" : "FieldUpdate[set]") : "FieldUpdate[keep]";
    }
}
