package dev.dragoman.rules.internal;

import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.io.IOContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonFactoryBuilder;

/**
 * A JSON factory whose byte-array parsers are {@link SkippingJsonParser}s. Only for bytes
 * already known to be UTF-8 ({@link JsonEncodings#requireUtf8}): it skips a UTF-8 byte order
 * mark as Jackson's own detection does, and detects nothing else.
 */
final class SkippingJsonFactory extends JsonFactory {

    private static final long serialVersionUID = 1L;

    SkippingJsonFactory(JsonFactoryBuilder builder) {
        super(builder);
    }

    @Override
    protected JsonParser _createParser(ObjectReadContext readContext, IOContext ioContext, byte[] data, int offset, int length) {
        _checkRangeBoundsForByteArray(data, offset, length);
        int start = offset;
        if (length >= 3 && data[offset] == (byte) 0xEF && data[offset + 1] == (byte) 0xBB && data[offset + 2] == (byte) 0xBF) {
            start += 3;
        }
        ioContext.setEncoding(JsonEncoding.UTF8);
        return new SkippingJsonParser(readContext, ioContext, readContext.getStreamReadFeatures(_streamReadFeatures),
                readContext.getFormatReadFeatures(_formatReadFeatures), _byteSymbolCanonicalizer.makeChild(_factoryFeatures),
                data, start, offset + length, start - offset);
    }
}
