package dev.dragoman.rules.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dragoman.rules.model.IdentifierTable.Column;
import org.junit.jupiter.api.Test;

class IdentifierTableTests {

    @Test
    void find_returnsTheRowOfAValueByItsText() {
        IdentifierTable table = games();
        Column code = table.column("web-support", "code").orElseThrow();

        assertThat(code.find("1")).isZero();
        assertThat(code.find("2")).isEqualTo(1);
        assertThat(code.find("42")).isEqualTo(-1);
        assertThat(code.find("1.0")).as("text, not numeric, comparison").isEqualTo(-1);
    }

    @Test
    void scalarAt_keepsTheDeclaredType() {
        IdentifierTable table = games();

        assertThat(table.column("game-dept", "code").orElseThrow().scalarAt(0)).isEqualTo(Scalar.number("1001"));
        assertThat(table.column("game-dept", "name").orElseThrow().scalarAt(1)).isEqualTo(Scalar.string("pgame_y"));
        assertThat(table.column("game-dept", "name").orElseThrow().textAt(1)).isEqualTo("pgame_y");
        assertThat(table.column("game-dept", "name").orElseThrow().kindAt(1)).isEqualTo(Scalar.Kind.STRING);
        assertThat(table.column("game-dept", "code").orElseThrow().kindAt(1)).isEqualTo(Scalar.Kind.NUMBER);
    }

    @Test
    void translate_findsTheRowInOneColumnAndReadsAnother() {
        IdentifierTable table = games();

        assertThat(table.translate("web-support", "code", "1", "game-dept", "code")).contains(Scalar.number("1001"));
        assertThat(table.translate("game-dept", "name", "pgame_y", "web-support", "code")).contains(Scalar.number("2"));
        assertThat(table.translate("web-support", "code", "42", "game-dept", "code")).isEmpty();
        assertThat(table.translate("web-support", "colour", "1", "game-dept", "code")).isEmpty();
        assertThat(table.translate("web-support", "code", "1", "nowhere", "code")).isEmpty();
    }

    @Test
    void nullText_isNoRowsValue() {
        IdentifierTable table = games();

        assertThat(table.column("web-support", "code").orElseThrow().find(null)).isEqualTo(-1);
        assertThat(table.translate("web-support", "code", null, "game-dept", "code")).isEmpty();
    }

    @Test
    void absentValues_areNullAndDoNotTranslate() {
        IdentifierTable table = games();
        Column webCode = table.column("web-support", "code").orElseThrow();

        assertThat(webCode.scalarAt(2)).as("agame_v does not exist in web-support").isNull();
        assertThat(webCode.kindAt(2)).isNull();
        assertThat(webCode.scalarAt(-1)).isNull();
        assertThat(webCode.textAt(-1)).isNull();
        assertThat(webCode.scalarAt(1_000)).isNull();
        assertThat(webCode.kindAt(1_000)).isNull();
        assertThat(webCode.textAt(1_000)).isNull();
        assertThat(webCode.count()).isEqualTo(2);
        assertThat(table.translate("game-dept", "code", "1005", "web-support", "code")).isEmpty();
        assertThat(table.size()).isEqualTo(3);
    }

    @Test
    void put_ofADuplicateReturnsTheEarlierRowAndKeepsIt() {
        IdentifierTable.Builder builder = new IdentifierTable.Builder(8);
        int first = builder.newRow();
        int second = builder.newRow();

        assertThat(builder.put(first, "web-support", "code", Scalar.number("1"))).isEqualTo(-1);
        assertThat(builder.put(second, "web-support", "code", Scalar.string("1"))).as("same text, other type").isEqualTo(first);
        assertThat(builder.put(second, "web-support", "code", Scalar.number("2"))).isEqualTo(-1);

        Column code = builder.build().column("web-support", "code").orElseThrow();
        assertThat(code.find("1")).isEqualTo(first);
        assertThat(code.scalarAt(first)).isEqualTo(Scalar.number("1"));
        assertThat(code.scalarAt(second)).isEqualTo(Scalar.number("2"));
        assertThat(code.count()).isEqualTo(2);
    }

    @Test
    void declare_makesAColumnWithoutValues() {
        IdentifierTable.Builder builder = new IdentifierTable.Builder(0);
        builder.declare("game-dept", "code");

        IdentifierTable table = builder.build();

        assertThat(table.size()).isZero();
        assertThat(table.column("game-dept", "code")).hasValueSatisfying(c -> {
            assertThat(c.count()).isZero();
            assertThat(c.find("1")).isEqualTo(-1);
        });
        assertThat(table.column("game-dept", "name")).isEmpty();
        assertThat(table.columns()).containsOnlyKeys(new IdentifierTable.ColumnKey("game-dept", "code"));
    }

    @Test
    void empty_hasNoRowsAndNoColumns() {
        assertThat(IdentifierTable.empty().size()).isZero();
        assertThat(IdentifierTable.empty().columns()).isEmpty();
        assertThat(IdentifierTable.empty().translate("a", "code", "1", "b", "code")).isEmpty();
    }

    @Test
    void find_tellsApartTextsWithTheSameHash() {
        assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
        IdentifierTable.Builder builder = new IdentifierTable.Builder(4);
        int aa = builder.newRow();
        int bb = builder.newRow();
        builder.put(aa, "a", "name", Scalar.string("Aa"));

        assertThat(builder.put(bb, "a", "name", Scalar.string("BB"))).isEqualTo(-1);

        Column name = builder.build().column("a", "name").orElseThrow();
        assertThat(name.find("Aa")).isEqualTo(aa);
        assertThat(name.find("BB")).isEqualTo(bb);
        assertThat(name.find("C#")).as("same hash again, never stored").isEqualTo(-1);
    }

    @Test
    void find_inACharacterBuffer_findsWhatTheTextFinds() {
        IdentifierTable.Builder builder = new IdentifierTable.Builder(4);
        int aa = builder.newRow();
        int bb = builder.newRow();
        int cafe = builder.newRow();
        builder.put(aa, "a", "name", Scalar.string("Aa"));
        builder.put(bb, "a", "name", Scalar.string("BB"));
        builder.put(cafe, "a", "name", Scalar.string("café ☕"));
        Column name = builder.build().column("a", "name").orElseThrow();
        char[] buffer = "..Aa..BB..café ☕..C#..A".toCharArray();

        assertThat(name.find(buffer, 2, 2)).isEqualTo(aa);
        assertThat(name.find(buffer, 6, 2)).isEqualTo(bb);
        assertThat(name.find(buffer, 10, 6)).isEqualTo(cafe);
        assertThat(name.find(buffer, 18, 2)).as("same hash, never stored").isEqualTo(-1);
        assertThat(name.find(buffer, 22, 1)).as("a prefix of a stored text").isEqualTo(-1);
        assertThat(name.find(buffer, 0, 0)).isEqualTo(-1);
    }

    @Test
    void growsPastItsInitialCapacity_to100kRows() {
        int rows = 100_000;
        IdentifierTable.Builder builder = new IdentifierTable.Builder(4);
        for (int i = 0; i < rows; i++) {
            int row = builder.newRow();
            assertThat(builder.put(row, "game-dept", "code", Scalar.number(Integer.toString(1_000_000 + i)))).isEqualTo(-1);
            if (i % 3 != 0) {
                builder.put(row, "web-support", "name", Scalar.string("game-" + i));
            }
        }

        IdentifierTable table = builder.build();
        Column code = table.column("game-dept", "code").orElseThrow();
        Column name = table.column("web-support", "name").orElseThrow();

        assertThat(table.size()).isEqualTo(rows);
        assertThat(code.count()).isEqualTo(rows);
        assertThat(name.count()).isEqualTo(rows - (rows + 2) / 3);
        for (int i = 0; i < rows; i++) {
            if (code.find(Integer.toString(1_000_000 + i)) != i) {
                throw new AssertionError("row " + i + " not found by its code");
            }
        }
        assertThat(code.find("999999")).isEqualTo(-1);
        assertThat(table.translate("web-support", "name", "game-99998", "game-dept", "code")).contains(Scalar.number("1099998"));
        assertThat(table.translate("game-dept", "code", "1099999", "web-support", "name")).as("every third row has no name").isEmpty();
        assertThat(table.translate("game-dept", "code", "1099997", "web-support", "name")).contains(Scalar.string("game-99997"));
    }

    @Test
    void columnKey_readsAsContextDotField() {
        assertThat(new IdentifierTable.ColumnKey("web-support", "code")).hasToString("web-support.code");
    }

    /** mgame_x and pgame_y exist in both contexts, agame_v only in game-dept. */
    private static IdentifierTable games() {
        IdentifierTable.Builder builder = new IdentifierTable.Builder(2);
        for (String[] game : new String[][] {{"1001", "mgame_x", "1"}, {"1002", "pgame_y", "2"}, {"1005", "agame_v", null}}) {
            int row = builder.newRow();
            builder.put(row, "game-dept", "code", Scalar.number(game[0]));
            builder.put(row, "game-dept", "name", Scalar.string(game[1]));
            if (game[2] != null) {
                builder.put(row, "web-support", "code", Scalar.number(game[2]));
            }
        }
        return builder.build();
    }
}
