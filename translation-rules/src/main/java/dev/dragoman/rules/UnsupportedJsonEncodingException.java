package dev.dragoman.rules;

/**
 * A JSON body in an encoding other than UTF-8 (RFC 8259 section 8.1: JSON exchanged between
 * systems is UTF-8). Its byte offsets are not character offsets, so splicing would corrupt it:
 * the gateway refuses it (415 for a request, 502 for a response) naming the encoding.
 */
public class UnsupportedJsonEncodingException extends MalformedJsonException {
    private final String encoding;

    public UnsupportedJsonEncodingException(String encoding, String message) {
        super(message, 0, null);
        this.encoding = encoding;
    }

    /** The encoding found, e.g. {@code UTF-16LE}. */
    public String encoding() {
        return encoding;
    }
}
