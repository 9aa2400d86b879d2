package dev.dragoman.gateway.filter;

import dev.dragoman.rules.JsonMediaType;
import org.reactivestreams.Publisher;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import reactor.core.publisher.Mono;

/** Which bodies are JSON (the engine's {@link JsonMediaType}, SPEC section 2), and reading one whole, bounded. */
final class JsonBodies {

    private JsonBodies() {
    }

    /**
     * The media type of a {@code Content-Type} value, or null when there is none. Spring refuses
     * a whole value for a parameter it dislikes ({@code charset=x-unknown}); the type itself is
     * what says whether the body is JSON, so it is read without the parameters then.
     *
     * @throws InvalidMediaTypeException when not even the type parses
     */
    static MediaType mediaType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return null;
        }
        try {
            return MediaType.parseMediaType(contentType);
        } catch (InvalidMediaTypeException e) {
            int semicolon = contentType.indexOf(';');
            if (semicolon < 0) {
                throw e;
            }
            return MediaType.parseMediaType(contentType.substring(0, semicolon));
        }
    }

    static boolean isJson(MediaType type) {
        return type != null && JsonMediaType.isJson(type.getType() + "/" + type.getSubtype());
    }

    /**
     * The body's bytes, or a {@link org.springframework.core.io.buffer.DataBufferLimitException}
     * past {@code limit}: a translator must see a document whole, so the limit is what keeps a
     * huge body from exhausting the heap.
     */
    static Mono<byte[]> read(Publisher<? extends DataBuffer> body, long limit) {
        return DataBufferUtils.join(body, (int) Math.min(limit, Integer.MAX_VALUE - 8))
                .map(buffer -> {
                    try {
                        byte[] bytes = new byte[buffer.readableByteCount()];
                        buffer.read(bytes);
                        return bytes;
                    } finally {
                        DataBufferUtils.release(buffer);
                    }
                })
                .defaultIfEmpty(new byte[0]);
    }
}
