package dev.dragoman.rules.internal;

import java.io.InputStream;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.io.IOContext;
import tools.jackson.core.json.UTF8StreamJsonParser;
import tools.jackson.core.sym.ByteQuadsCanonicalizer;

/**
 * Jackson's UTF-8 parser over a byte array, with one more move: {@link #skipContainer()}
 * steps over the object or array just opened with {@link JsonSkipper}'s byte scan and leaves
 * the parser exactly where its own {@code skipChildren} would (at the closing token, in the
 * enclosing context), so the walk goes on tokenizing the rest. Made by {@link SkippingJsonFactory}.
 */
final class SkippingJsonParser extends UTF8StreamJsonParser {

    private JsonSkipper skipper;

    SkippingJsonParser(ObjectReadContext readContext, IOContext ioContext, int streamReadFeatures, int formatReadFeatures,
            ByteQuadsCanonicalizer symbols, byte[] input, int start, int end, int bytesBefore) {
        super(readContext, ioContext, streamReadFeatures, formatReadFeatures, (InputStream) null, symbols, input, start, end,
                bytesBefore, false);
    }

    /**
     * Skips the children of the current {@code START_OBJECT} or {@code START_ARRAY} unread.
     * What Jackson does at a closing bracket is done here: the context goes back to the
     * parent (whose next {@code nextToken} expects a comma, as after any value) and the
     * current token becomes the matching end token. Line and column numbers are not kept up
     * to date over the skipped bytes (the walk reports byte offsets only).
     */
    void skipContainer() {
        boolean object = _currToken == JsonToken.START_OBJECT;
        if (!object && _currToken != JsonToken.START_ARRAY) {
            return;
        }
        if (skipper == null) {
            skipper = new JsonSkipper(_inputBuffer, _inputEnd);
        }
        // the whole input is in the buffer (a byte-array parser never loads more), so the scan may run to its end
        _inputPtr = skipper.skipContainer(_inputPtr, object, _streamReadContext.getNestingDepth());
        _streamReadContext = _streamReadContext.clearAndGetParent();
        _updateToken(object ? JsonToken.END_OBJECT : JsonToken.END_ARRAY);
    }
}
