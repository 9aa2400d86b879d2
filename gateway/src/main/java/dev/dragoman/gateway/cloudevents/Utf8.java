package dev.dragoman.gateway.cloudevents;

import dev.dragoman.rules.JsonEncoding;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Events are UTF-8: the JSON event format and JSON data (RFC 8259 section 8.1), and the text of
 * binary-mode headers once percent-decoded. Jackson would quietly read UTF-16 and UTF-32 too, and
 * the byte offsets the data is cut by would then be wrong; so the bytes are checked first.
 */
final class Utf8 {

    private Utf8() {
    }

    /** @param what names the bytes in the refusal, e.g. "the event" */
    static void require(byte[] bytes, String what) {
        String encoding = JsonEncoding.otherThanUtf8(bytes);
        if (encoding != null) {
            throw new InvalidEventException(what + " is " + encoding + ", and CloudEvents JSON is UTF-8: send it as UTF-8");
        }
        try {
            decode(bytes);
        } catch (CharacterCodingException e) {
            throw new InvalidEventException(what + " is not valid UTF-8: send it as UTF-8", e);
        }
    }

    static String decode(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    }
}
