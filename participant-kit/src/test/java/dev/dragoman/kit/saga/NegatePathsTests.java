package dev.dragoman.kit.saga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The kit's negation of delta fields, as Dragoman negates a compensation's data. */
class NegatePathsTests {

    private final JsonMapper mapper = JsonMapper.builder().build();

    private JsonNode json(String text) {
        return mapper.readTree(text);
    }

    @Test
    void numbersAtThePathsChangeSignExactlyAndEverythingElseStays() {
        NegatePaths paths = NegatePaths.parse(List.of("$.amount", "$.lines[*].net", "$['fee']", "$.totals[1]"));
        JsonNode data = json("{\"order\":\"4711\",\"amount\":10000,\"fee\":10000.50,\"lines\":[{\"net\":-3,\"sku\":1},{\"net\":0.1}],"
                + "\"totals\":[7,9223372036854775807,-9223372036854775808],\"note\":\"10\"}");

        JsonNode negated = paths.negate(data);

        assertThat(negated.get("amount").asLong()).isEqualTo(-10000);
        assertThat(negated.get("fee").decimalValue()).isEqualByComparingTo("-10000.50");
        assertThat(negated.get("lines").get(0).get("net").asLong()).isEqualTo(3);
        assertThat(negated.get("lines").get(0).get("sku").asLong()).isEqualTo(1);
        assertThat(negated.get("lines").get(1).get("net").doubleValue()).isEqualTo(-0.1);
        assertThat(negated.get("totals").get(0).asLong()).isEqualTo(7);
        assertThat(negated.get("totals").get(1).asLong()).isEqualTo(-9223372036854775807L);
        assertThat(negated.get("note").asString()).isEqualTo("10");
        assertThat(data.get("amount").asLong()).as("the stored data is not touched").isEqualTo(10000);
    }

    @Test
    void theSmallestLongIsNegatedWithoutOverflow() {
        JsonNode negated = NegatePaths.parse(List.of("$.amount")).negate(json("{\"amount\":-9223372036854775808}"));
        assertThat(negated.get("amount").bigIntegerValue()).isEqualTo(new BigInteger("9223372036854775808"));
    }

    @Test
    void completedDataWithoutANumberAtAPathIsAProblemAsTheGatewayWouldRefuseIt() {
        NegatePaths paths = NegatePaths.parse(List.of("$.amount"));
        assertThat(paths.problemWith(json("{\"amount\":1}"))).isNull();
        assertThat(paths.problemWith(json("{\"total\":1}"))).contains("no field at $.amount");
        assertThat(paths.problemWith(json("{\"amount\":\"1\"}"))).contains("not a number");
    }

    @Test
    void aPathOutsideTheSubsetFailsWithItsName() {
        assertThatThrownBy(() -> NegatePaths.parse(List.of("amount"))).hasMessageContaining("'amount'");
        assertThatThrownBy(() -> NegatePaths.parse(List.of("$..amount"))).hasMessageContaining("empty name");
        assertThatThrownBy(() -> NegatePaths.parse(List.of("$.lines[?(@.net)]"))).hasMessageContaining("neither an index");
    }
}
