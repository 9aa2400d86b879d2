package dev.dragoman.bench.engine;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Random;

/**
 * The order-like JSON documents the body benchmarks translate, generated from a fixed seed
 * so that every run (and {@link #main}) sees the same bytes. Compact JSON, as services send
 * it. Identifiers sit where the route's rules point: {@code $.game.code}, {@code $.game.name},
 * {@code $.items[*].gameCode}, {@code $.related[*].code} and {@code gameNames} arrays at two
 * depths ({@code $..gameNames}); around them are the fields no rule touches: numbers with
 * more digits than a double holds, strings with escapes and non-ASCII text, booleans, nulls
 * and nested metadata.
 */
final class Documents {

    /** A generated document and how many identifiers it holds. */
    record Document(String size, byte[] json, int identifiers) {
    }

    private Documents() {
    }

    /** {@code 1kb}: about 1 KB with 20 identifiers. {@code 100kb}: about 100 KB with about 1,000. */
    static Document of(String size, int games) {
        return switch (size) {
            case "1kb" -> order(size, games, 4, 3, 11, 0, 0);
            case "100kb" -> order(size, games, 500, 300, 100, 100, 180);
            case "sparse" -> sparse(size, games);
            default -> throw new IllegalArgumentException("size must be 1kb, 100kb or sparse but was " + size);
        };
    }

    private static Document order(String size, int games, int items, int related, int names, int nestedNames, int notes) {
        Random random = new Random(20_240_601L + size.hashCode());
        int[] identifiers = {0};
        StringBuilder json = new StringBuilder(notes == 0 ? 1_200 : 110_000);
        json.append("{\"orderId\":\"ord-").append(String.format(Locale.ROOT, "%08d", random.nextInt(100_000_000))).append('"')
                .append(",\"status\":\"CONFIRMED\",\"createdAt\":\"2025-03-14T09:26:53.589Z\",\"priority\":null");
        int game = 1 + random.nextInt(games);
        json.append(",\"game\":{\"code\":").append(GameMaps.webSupportCode(game))
                .append(",\"name\":\"").append(GameMaps.webSupportName(game)).append("\",\"platform\":\"mobile\"}");
        identifiers[0] += 2;
        json.append(",\"customer\":{\"id\":").append(100_000 + random.nextInt(900_000))
                .append(",\"displayName\":\"Zo\\u00eb \\\"zed\\\" Caf\u00e9\",\"vip\":").append(random.nextBoolean())
                .append(",\"balance\":1234.5600000000000023}");
        json.append(",\"items\":[");
        for (int i = 0; i < items; i++) {
            json.append(i == 0 ? "" : ",").append("{\"sku\":\"SKU-").append(100_000 + random.nextInt(900_000))
                    .append("\",\"gameCode\":").append(GameMaps.webSupportCode(1 + random.nextInt(games)))
                    .append(",\"quantity\":").append(1 + random.nextInt(5))
                    .append(",\"unitPrice\":0.1000000000000000055511,\"gift\":").append(random.nextBoolean()).append('}');
            identifiers[0]++;
        }
        json.append("],\"related\":[");
        for (int i = 0; i < related; i++) {
            json.append(i == 0 ? "" : ",").append("{\"code\":").append(GameMaps.webSupportCode(1 + random.nextInt(games)))
                    .append(",\"score\":0.").append(String.format(Locale.ROOT, "%018d", Math.floorMod(random.nextLong(), 1_000_000_000_000_000_000L))).append('}');
            identifiers[0]++;
        }
        json.append("],\"metadata\":{\"channel\":\"web\",\"gameNames\":");
        names(json, random, games, names, identifiers);
        json.append(",\"tracking\":{\"campaign\":\"spring-sale\",\"weights\":[0.5,0.25,1e-7],\"debug\":false");
        if (nestedNames > 0) {
            json.append(",\"history\":{\"gameNames\":");
            names(json, random, games, nestedNames, identifiers);
            json.append('}');
        }
        json.append("}}");
        if (notes > 0) {
            json.append(",\"notes\":[");
            for (int i = 0; i < notes; i++) {
                json.append(i == 0 ? "" : ",").append("{\"at\":\"2025-03-").append(String.format(Locale.ROOT, "%02d", 1 + i % 28))
                        .append("T12:00:00Z\",\"author\":\"agent-").append(random.nextInt(100))
                        .append("\",\"text\":\"Customer asked about delivery \\\"window\\\" and a r\u00e9sum\u00e9 of charges; see ticket #")
                        .append(random.nextInt(1_000_000)).append(".\",\"amount\":")
                        .append(random.nextInt(1000)).append(".000000000000000").append(1 + random.nextInt(9))
                        .append(",\"internal\":").append(random.nextBoolean()).append('}');
            }
            json.append(']');
        }
        json.append('}');
        return new Document(size, json.toString().getBytes(StandardCharsets.UTF_8), identifiers[0]);
    }

    /**
     * {@code sparse}: about 100 KB, a typical large response with a few identifiers. The
     * order's head, {@code game}, 50 {@code items} and 40 {@code related} (the sparse route's
     * rules reach these, about a tenth of the bytes: 92 identifiers), then what no rule
     * reaches: 120 shipment events with nested addresses and status histories, and 180 notes,
     * full of escaped and non-ASCII text and long decimals.
     */
    private static Document sparse(String size, int games) {
        Random random = new Random(20_240_601L + size.hashCode());
        Document head = order(size, games, 50, 40, 0, 0, 0);
        String json = new String(head.json(), StandardCharsets.UTF_8);
        // the head ends with the metadata object and the document's brace; what follows goes before that brace
        StringBuilder out = new StringBuilder(110_000).append(json, 0, json.length() - 1);
        out.append(",\"shipments\":[");
        for (int i = 0; i < 120; i++) {
            out.append(i == 0 ? "" : ",").append("{\"id\":\"shp-").append(String.format(Locale.ROOT, "%06d", random.nextInt(1_000_000)))
                    .append("\",\"carrier\":{\"name\":\"Fl\u00fcgel & S\u00f6hne\",\"code\":").append(random.nextInt(100))
                    .append(",\"tracking\":[").append(random.nextInt(1_000_000)).append(',').append(random.nextInt(1_000_000)).append("]}")
                    .append(",\"address\":{\"lines\":[\"Rue de l'\u00c9glise ").append(1 + random.nextInt(200))
                    .append("\",\"b\u00e2timent \\\"C\\\"\"],\"city\":\"Z\u00fcrich\",\"geo\":[47.3769").append(random.nextInt(1000))
                    .append(",8.5417").append(random.nextInt(1000)).append("]}")
                    .append(",\"history\":[{\"at\":\"2025-03-14T09:26:53Z\",\"status\":\"PICKED\",\"ok\":true},")
                    .append("{\"at\":\"2025-03-15T10:00:00Z\",\"status\":\"IN_TRANSIT\",\"ok\":null,\"eta\":{\"min\":1,\"max\":")
                    .append(2 + random.nextInt(5)).append("}}],\"weight\":").append(random.nextInt(100)).append(".000000000000000").append(1 + random.nextInt(9))
                    .append(",\"insured\":").append(random.nextBoolean()).append('}');
        }
        out.append("],\"notes\":[");
        for (int i = 0; i < 180; i++) {
            out.append(i == 0 ? "" : ",").append("{\"at\":\"2025-03-").append(String.format(Locale.ROOT, "%02d", 1 + i % 28))
                    .append("T12:00:00Z\",\"author\":\"agent-").append(random.nextInt(100))
                    .append("\",\"text\":\"Customer asked about delivery \\\"window\\\" and a r\u00e9sum\u00e9 of charges {see [ticket] #")
                    .append(random.nextInt(1_000_000)).append("}.\",\"amount\":")
                    .append(random.nextInt(1000)).append(".000000000000000").append(1 + random.nextInt(9))
                    .append(",\"internal\":").append(random.nextBoolean()).append('}');
        }
        out.append("]}");
        return new Document(size, out.toString().getBytes(StandardCharsets.UTF_8), head.identifiers());
    }

    private static void names(StringBuilder json, Random random, int games, int count, int[] identifiers) {
        json.append('[');
        for (int i = 0; i < count; i++) {
            json.append(i == 0 ? "\"" : ",\"").append(GameMaps.webSupportName(1 + random.nextInt(games))).append('"');
            identifiers[0]++;
        }
        json.append(']');
    }

    /** Prints each document's size and identifier count as JSON, for the report. */
    public static void main(String[] args) {
        StringBuilder out = new StringBuilder("{");
        String comma = "";
        for (String size : new String[] {"1kb", "100kb", "sparse"}) {
            Document document = of(size, BodyTranslationBenchmark.GAMES);
            out.append(comma).append('"').append(size).append("\":{\"bytes\":").append(document.json().length)
                    .append(",\"identifiers\":").append(document.identifiers()).append('}');
            comma = ",";
        }
        System.out.println(out.append('}'));
    }
}
