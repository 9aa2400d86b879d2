package dev.dragoman.gateway.boundary;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

/**
 * HTTP/1.1 over a plain socket, written by hand on purpose: every client library normalises
 * what it sends (dot-segments, percent-encoding, header case, chunking), and the point of the
 * fuzzer is that the gateway sees exactly the odd bytes it was given. Every request closes its
 * connection, so an answer is read to the end of the stream.
 */
final class RawHttp {

    private RawHttp() {
    }

    /** A request as bytes on the wire, and the same bytes as text for reports. */
    record Request(String method, String target, List<Map.Entry<String, String>> headers, byte[] body, boolean chunked, long seed) {

        byte[] bytes() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n");
            headers.forEach(h -> head.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n"));
            if (body != null) {
                head.append(chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + body.length + "\r\n");
            }
            head.append("Connection: close\r\n\r\n");
            out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
            if (body != null) {
                out.writeBytes(chunked ? chunk(body, seed) : body);
            }
            return out.toByteArray();
        }

        /** Chunks of random sizes, with a chunk extension now and then (RFC 9112 7.1.1). */
        private static byte[] chunk(byte[] body, long seed) {
            java.util.Random random = new java.util.Random(seed);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int at = 0;
            while (at < body.length) {
                int size = Math.min(body.length - at, 1 + random.nextInt(Math.max(1, body.length / 2 + 1)));
                out.writeBytes((Integer.toHexString(size) + (random.nextInt(8) == 0 ? ";ext=1" : "") + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body, at, size);
                out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
                at += size;
            }
            out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            return out.toByteArray();
        }

        String show() {
            return Reports.printable(bytes(), 4000);
        }
    }

    /** An answer: status, headers in the order received, the body after transfer decoding (not content decoding). */
    record Response(int status, List<Map.Entry<String, String>> headers, byte[] body, String raw) {

        List<String> all(String name) {
            return headers.stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).toList();
        }

        String first(String name) {
            List<String> values = all(name);
            return values.isEmpty() ? null : values.get(0);
        }

        String contentType() {
            return first("Content-Type");
        }

        boolean isProblem() {
            String type = contentType();
            return type != null && type.toLowerCase(Locale.ROOT).startsWith("application/problem+json");
        }

        String show() {
            return raw;
        }
    }

    static Response send(int port, Request request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request.bytes());
                out.flush();
            } catch (IOException e) {
                // the gateway may answer and close before it has read everything (a 413, say); its answer is still there to read
            }
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            try {
                in.transferTo(all);
            } catch (SocketTimeoutException e) {
                throw new IOException("no complete answer within 15 s; got: " + Reports.printable(all.toByteArray(), 2000), e);
            } catch (IOException e) {
                if (all.size() == 0) {
                    throw e;
                }
            }
            return parse(all.toByteArray(), request.method().equals("HEAD"));
        }
    }

    static Response parse(byte[] bytes, boolean head) throws IOException {
        int end = indexOf(bytes, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        if (end < 0) {
            throw new IOException("no complete response head in: " + Reports.printable(bytes, 2000));
        }
        String[] lines = new String(bytes, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.add(Map.entry(lines[i].substring(0, colon).trim(), lines[i].substring(colon + 1).trim()));
        }
        byte[] rest = java.util.Arrays.copyOfRange(bytes, end + 4, bytes.length);
        byte[] body;
        boolean chunked = headers.stream().anyMatch(h -> h.getKey().equalsIgnoreCase("Transfer-Encoding")
                && h.getValue().toLowerCase(Locale.ROOT).contains("chunked"));
        if (head || status == 204 || status == 304 || status / 100 == 1) {
            body = new byte[0];
        } else if (chunked) {
            body = dechunk(rest);
        } else {
            body = rest;
        }
        return new Response(status, headers, body, Reports.printable(bytes, 4000));
    }

    private static byte[] dechunk(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (true) {
            int eol = indexOf(bytes, at, "\r\n".getBytes(StandardCharsets.US_ASCII));
            if (eol < 0) {
                throw new IOException("truncated chunked body");
            }
            String sizeLine = new String(bytes, at, eol - at, StandardCharsets.US_ASCII);
            int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
            at = eol + 2;
            if (size == 0) {
                return out.toByteArray();
            }
            out.write(bytes, at, size);
            at += size + 2;
        }
    }

    /** The body as its sender meant it: decoded from gzip or deflate; null for a coding this test cannot read. */
    static byte[] decoded(String coding, byte[] body) {
        if (coding == null || coding.isBlank() || coding.trim().equalsIgnoreCase("identity")) {
            return body;
        }
        String c = coding.trim().toLowerCase(Locale.ROOT);
        try {
            if (c.equals("gzip") || c.equals("x-gzip")) {
                // WireMock's journal holds gzip request bodies already decoded
                if (body.length < 2 || (body[0] & 0xff) != 0x1f || (body[1] & 0xff) != 0x8b) {
                    return body;
                }
                return new GZIPInputStream(new ByteArrayInputStream(body)).readAllBytes();
            }
            if (c.equals("deflate")) {
                return new InflaterInputStream(new ByteArrayInputStream(body)).readAllBytes();
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }

    static int indexOf(byte[] bytes, byte[] what) {
        return indexOf(bytes, 0, what);
    }

    static int indexOf(byte[] bytes, int from, byte[] what) {
        outer:
        for (int i = from; i <= bytes.length - what.length; i++) {
            for (int j = 0; j < what.length; j++) {
                if (bytes[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
