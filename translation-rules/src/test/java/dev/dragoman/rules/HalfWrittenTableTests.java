package dev.dragoman.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dragoman.rules.model.IdentifierTable;
import dev.dragoman.rules.model.Scalar;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A table read while it is being written in place must not load: a row cut in the middle still
 * parses, as a shorter value that may name another thing (issue 12, finding 12).
 */
class HalfWrittenTableTests {

    static final String MAPS = """
            contexts:
              shop:      {description: Shop}
              warehouse: {description: Warehouse}
            concepts:
              sku:
                keys: {shop: [id], warehouse: [code]}
                entries-file: skus.csv
            """;

    static final String HEADER = "shop.id,warehouse.code\n";

    @TempDir
    Path dir;

    @Test
    void aTableCutInsideItsLastRowIsIncomplete_notLoadedWithTheCutValue() throws IOException {
        LoadResult result = load(HEADER + "S-174999,183999\nS-175000,184");

        assertThat(result.isValid()).isFalse();
        assertThat(result.errors()).singleElement().satisfies(error -> {
            assertThat(error.incomplete()).isTrue();
            assertThat(error.file()).isEqualTo(dir.resolve("skus.csv"));
            assertThat(error.message()).contains("last row does not end with a newline");
            assertThat(error.hint()).contains("mv it into place");
        });
    }

    @Test
    void theSameTableLoadsOnceItsLastRowEnds() throws IOException {
        LoadResult result = load(HEADER + "S-174999,183999\nS-175000,184000\n");

        assertThat(result.errors()).isEmpty();
        assertThat(result.model().concepts().get("sku").table().translate("shop", "id", "S-175000", "warehouse", "code"))
                .contains(Scalar.number("184000"));
    }

    @Test
    void aCarriageReturnEndsARowToo() throws IOException {
        assertThat(load(HEADER.replace("\n", "\r\n") + "S-175000,184000\r\n").errors()).isEmpty();
        assertThat(load(HEADER + "S-175000,184000\r").errors()).as("cut between CR and LF: the row is whole").isEmpty();
    }

    @Test
    void anEmptyTableIsIncomplete_aShellRedirectTruncatesBeforeItWrites() throws IOException {
        LoadResult result = load("");

        assertThat(result.errors()).singleElement().satisfies(error -> {
            assertThat(error.incomplete()).isTrue();
            assertThat(error.message()).contains("empty");
        });
    }

    @Test
    void aTableOfOnlyItsHeaderIsComplete() throws IOException {
        assertThat(load(HEADER).errors()).isEmpty();
    }

    @Test
    void aMistakeInACompleteTableIsAnOrdinaryError() throws IOException {
        LoadResult result = load(HEADER + "S-1,1\nS-2,1\n");

        assertThat(result.errors()).singleElement().satisfies(error -> {
            assertThat(error.incomplete()).isFalse();
            assertThat(error.line()).isEqualTo(3);
        });
    }

    @Test
    void anIncompleteTableIsReportedBesideTheOtherErrors_soAReloaderCanWaitForIt() throws IOException {
        Files.writeString(dir.resolve("broken.yaml"), "routes:\n  - id: r\n    from: nobody\n    to: shop\n    path: /x/**\n"
                + "    upstream: http://127.0.0.1:9\n");

        LoadResult result = load(HEADER + "S-1,1");

        assertThat(result.errors()).anySatisfy(error -> assertThat(error.incomplete()).isTrue())
                .anySatisfy(error -> assertThat(error.incomplete()).isFalse());
    }

    @Test
    void noCutOfATableLoadsAValueItDoesNotHold() throws IOException {
        String table = HEADER + "S-1,1\nS-22,22\r\n\"S-333\",\"33,3\"\nS-4444,4444\n";
        List<List<String>> rows = List.of(List.of("S-1", "1"), List.of("S-22", "22"), List.of("S-333", "33,3"), List.of("S-4444", "4444"));

        for (int cut = 0; cut <= table.length(); cut++) {
            LoadResult result = load(table.substring(0, cut));

            String at = "cut after " + cut + " characters: " + table.substring(0, cut).replace("\n", "\\n").replace("\r", "\\r");
            if (!result.isValid()) {
                assertThat(result.errors()).as(at).anySatisfy(error -> assertThat(error.incomplete()).isTrue());
                continue;
            }
            IdentifierTable loaded = result.model().concepts().get("sku").table();
            assertThat(loaded.size()).as(at).isLessThanOrEqualTo(rows.size());
            for (int row = 0; row < loaded.size(); row++) {
                String id = rows.get(row).get(0);
                assertThat(loaded.translate("shop", "id", id, "warehouse", "code")).as(at).map(Scalar::text).contains(rows.get(row).get(1));
            }
        }
    }

    private LoadResult load(String csv) throws IOException {
        Files.writeString(dir.resolve("maps.yaml"), MAPS);
        Files.write(dir.resolve("skus.csv"), csv.getBytes(StandardCharsets.UTF_8));
        return ContextMaps.load(dir);
    }
}
