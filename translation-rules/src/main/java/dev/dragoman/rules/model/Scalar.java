package dev.dragoman.rules.model;

import java.util.Objects;

/**
 * An identifier value: its text form (what matching compares) and the JSON type it is
 * written with.
 */
public record Scalar(String text, Kind kind) {

    /** The JSON type a value takes on output. */
    public enum Kind { STRING, NUMBER, BOOLEAN }

    public Scalar {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(kind, "kind");
    }

    public static Scalar string(String text) {
        return new Scalar(text, Kind.STRING);
    }

    public static Scalar number(String text) {
        return new Scalar(text, Kind.NUMBER);
    }

    @Override
    public String toString() {
        return kind == Kind.STRING ? '"' + text + '"' : text;
    }
}
