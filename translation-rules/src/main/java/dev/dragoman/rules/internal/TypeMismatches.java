package dev.dragoman.rules.internal;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Says in the words of a map's author what Jackson's type errors mean: "expected a list here,
 * found the text 'web-support'", never a Java type name.
 */
final class TypeMismatches {

    /** What to tell the author: the message and a hint. */
    record Explanation(String message, String hint) {
    }

    private TypeMismatches() {
    }

    /** {@code written} is the text at the error's key path, when the file has a single value there. */
    static Explanation explain(JacksonException e, Optional<String> written) {
        if (!(e instanceof MismatchedInputException mismatch) || mismatch.getTargetType() == null) {
            return new Explanation(firstLine(e), "compare with the example maps in the repository's context-maps folder");
        }
        Class<?> expected = mismatch.getTargetType();
        String found = found(mismatch, written);
        if (Map.class.isAssignableFrom(expected) || expected.isRecord()) {
            return new Explanation("expected a mapping here, found " + found, "write key: value pairs, indented under this key");
        }
        if (Collection.class.isAssignableFrom(expected)) {
            return new Explanation("expected a list here, found " + found,
                    "write the items as a '- ' list under this key, or [a, b] on one line");
        }
        if (Number.class.isAssignableFrom(expected) || expected == int.class || expected == long.class) {
            return new Explanation("expected a whole number here, found " + found, "write a number, e.g. 1");
        }
        if (expected == Boolean.class || expected == boolean.class) {
            return new Explanation("expected true or false here, found " + found, "write true or false");
        }
        return new Explanation("expected a single value here, found " + found, "write one value, e.g. some-name or 42");
    }

    private static String found(MismatchedInputException e, Optional<String> written) {
        JsonToken token = e.getCurrentToken();
        JsonParser parser = e.processor() instanceof JsonParser p ? p : null;
        if (token == null && parser != null) {
            token = parser.currentToken();
        }
        if (token == null) {
            return "something else";
        }
        return switch (token) {
            case START_ARRAY -> "a list";
            case START_OBJECT -> "a mapping";
            case VALUE_STRING -> written.map(text -> "the text '" + text + "'").orElse("text");
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "true or false";
            case VALUE_NULL -> "nothing";
            default -> "something else";
        };
    }

    private static String firstLine(JacksonException e) {
        String message = e.getOriginalMessage();
        int cut = message.indexOf(" at [Source");
        message = cut > 0 ? message.substring(0, cut) : message;
        return message.lines().findFirst().orElse(message);
    }
}
