package dev.dragoman.rules;

/**
 * Tells UTF-8 JSON from JSON in another Unicode encoding by its first bytes, as RFC 4627
 * section 3 and RFC 8259 section 8.1 describe: a byte order mark, or the pattern of zero bytes
 * that the first two characters (always ASCII in JSON) leave. The checks are those of Jackson's
 * own byte-source bootstrapper. The engine refuses such JSON ({@link UnsupportedJsonEncodingException});
 * the gateway asks here too where it must refuse before the engine sees the bytes.
 */
public final class JsonEncoding {

    private JsonEncoding() {
    }

    /** The encoding the first bytes show, or null for UTF-8 (or for too few bytes to tell, which the parser refuses anyway). */
    public static String otherThanUtf8(byte[] json) {
        if (json.length >= 4) {
            int quad = (json[0] & 0xFF) << 24 | (json[1] & 0xFF) << 16 | (json[2] & 0xFF) << 8 | json[3] & 0xFF;
            switch (quad) {
                case 0x0000FEFF:
                    return "UTF-32BE";
                case 0xFFFE0000:
                    return "UTF-32LE";
                case 0x0000FFFE:
                case 0xFEFF0000:
                    return "UCS-4 (an unusual byte order)";
                default:
                    break;
            }
            if (quad >>> 8 == 0) {
                return "UTF-32BE";
            }
            if ((quad & 0x00FFFFFF) == 0) {
                return "UTF-32LE";
            }
            if ((quad & ~0x00FF0000) == 0 || (quad & ~0x0000FF00) == 0) {
                return "UCS-4 (an unusual byte order)";
            }
        }
        if (json.length >= 2) {
            int pair = (json[0] & 0xFF) << 8 | json[1] & 0xFF;
            if (pair == 0xFEFF) {
                return "UTF-16BE";
            }
            if (pair == 0xFFFE) {
                return "UTF-16LE";
            }
            if ((pair & 0xFF00) == 0) {
                return "UTF-16BE";
            }
            if ((pair & 0x00FF) == 0) {
                return "UTF-16LE";
            }
        }
        return null;
    }
}
