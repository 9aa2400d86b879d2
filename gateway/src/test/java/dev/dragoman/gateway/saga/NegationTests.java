package dev.dragoman.gateway.saga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dragoman.rules.model.JsonPath;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class NegationTests {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "10000.50                 | -10000.50",
            "0.1000000000000000055511 | -0.1000000000000000055511",
            "10000                    | -10000",
            "-5                       | 5",
            "-0.25                    | 0.25",
            "0                        | 0",
            "0.00                     | 0.00",
            "123456789012345678901234567890 | -123456789012345678901234567890",
            "-9223372036854775808     | 9223372036854775808",
            "1e3                      | -1000",
            "1.5E-7                   | -0.00000015",
            "2.50e2                   | -250",
    })
    void negatesNumbersExactly_writingThemPlain(String number, String negated) {
        assertThat(Negation.negate("{\"amount\":" + number + "}", paths("$.amount"))).isEqualTo("{\"amount\":" + negated + "}");
    }

    @ParameterizedTest(name = "\"{0}\" -> \"{1}\"")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "10000    | -10000",
            "-5       | 5",
            "10000.50 | -10000.50",
            "0.1000000000000000055511 | -0.1000000000000000055511",
            "1e3      | -1e3",
            "0        | 0",
    })
    void negatesNumbersWrittenAsStrings_asStrings(String number, String negated) {
        assertThat(Negation.negate("{\"amount\":\"" + number + "\"}", paths("$.amount")))
                .isEqualTo("{\"amount\":\"" + negated + "\"}");
    }

    @Test
    void leavesEveryOtherFieldAsItWas_inValueAndOrder() {
        String data = "{\"z\":1,\"amount\":5,\"currency\":\"EUR\",\"rate\":0.1000000000000000055511,\"price\":10.50,"
                + "\"nested\":{\"amount\":7,\"ok\":true,\"none\":null},\"list\":[3,\"x\",{\"b\":2,\"a\":1}]}";

        assertThat(Negation.negate(data, paths("$.amount"))).isEqualTo(data.replace("\"amount\":5", "\"amount\":-5"));
    }

    @Test
    void negatesNestedMembers() {
        assertThat(Negation.negate("{\"payment\":{\"amount\":100,\"fee\":{\"amount\":1.5}},\"amount\":3}",
                paths("$.payment.amount", "$.payment.fee.amount")))
                .isEqualTo("{\"payment\":{\"amount\":-100,\"fee\":{\"amount\":-1.5}},\"amount\":3}");
    }

    @Test
    void negatesBracketedMembersAndIndexes() {
        assertThat(Negation.negate("{\"unit price\":[1,2,3],\"lines\":[{\"qty\":1},{\"qty\":2}]}",
                paths("$['unit price'][1]", "$.lines[0].qty")))
                .isEqualTo("{\"unit price\":[1,-2,3],\"lines\":[{\"qty\":-1},{\"qty\":2}]}");
    }

    @Test
    void negatesEveryElementOfAnArrayWithAWildcard() {
        assertThat(Negation.negate("{\"lines\":[{\"qty\":1,\"sku\":\"a\"},{\"qty\":-2,\"sku\":\"b\"},{\"qty\":\"3\",\"sku\":\"c\"}]}",
                paths("$.lines[*].qty")))
                .isEqualTo("{\"lines\":[{\"qty\":-1,\"sku\":\"a\"},{\"qty\":2,\"sku\":\"b\"},{\"qty\":\"-3\",\"sku\":\"c\"}]}");
        assertThat(Negation.negate("[1,2.5,-3]", paths("$[*]"))).isEqualTo("[-1,-2.5,3]");
    }

    @Test
    void negatesEveryMemberOfAnObjectWithAWildcard() {
        assertThat(Negation.negate("{\"totals\":{\"net\":10,\"tax\":2.10},\"id\":7}", paths("$.totals.*")))
                .isEqualTo("{\"totals\":{\"net\":-10,\"tax\":-2.10},\"id\":7}");
    }

    @Test
    void takesBracketStarAsElementsOnlyAndDotStarAsMembersOnly() {
        assertThat(Negation.check("{\"totals\":{\"net\":10}}", paths("$.totals[*]")))
                .containsExactly("$.totals is {\"net\":10}, not an array");
        assertThat(Negation.check("{\"lines\":[1,2]}", paths("$.lines.*")))
                .containsExactly("$.lines is [1,2], not an object");
    }

    @Test
    void negatesADescendantAtAnyDepth_insideArraysToo() {
        assertThat(Negation.negate("{\"amount\":1,\"order\":{\"amount\":2,\"lines\":[{\"amount\":3},{\"other\":{\"amount\":4}}]},"
                + "\"amounts\":5}", paths("$..amount")))
                .isEqualTo("{\"amount\":-1,\"order\":{\"amount\":-2,\"lines\":[{\"amount\":-3},{\"other\":{\"amount\":-4}}]},"
                        + "\"amounts\":5}");
    }

    @Test
    void followsADescendantWithFurtherSteps() {
        assertThat(Negation.negate("{\"a\":{\"total\":{\"net\":1,\"gross\":2}},\"b\":[{\"total\":{\"net\":3}}],\"net\":9}",
                paths("$..total.net")))
                .isEqualTo("{\"a\":{\"total\":{\"net\":-1,\"gross\":2}},\"b\":[{\"total\":{\"net\":-3}}],\"net\":9}");
    }

    @Test
    void negatesAFieldNamedByTwoPathsOnce_ratherThanUndoingItself() {
        assertThat(Negation.negate("{\"amount\":5,\"lines\":[{\"amount\":1}]}", paths("$.amount", "$..amount", "$.lines[0].amount")))
                .isEqualTo("{\"amount\":-5,\"lines\":[{\"amount\":-1}]}");
    }

    @Test
    void negatesDataThatIsANumberItself() {
        assertThat(Negation.negate("42.0", paths("$"))).isEqualTo("-42.0");
    }

    @Test
    void withoutPaths_returnsTheDataAsItIs_evenWhenItIsNotJson() {
        assertThat(Negation.negate("{ \"amount\" : 1e3 }", List.of())).isEqualTo("{ \"amount\" : 1e3 }");
        assertThat(Negation.negate("not json", List.of())).isEqualTo("not json");
        assertThat(Negation.negate(null, List.of())).isNull();
        assertThat(Negation.check(null, List.of())).isEmpty();
    }

    @Test
    void wildcardsAndDescendantsThatMatchNothing_areNoProblem() {
        assertThat(Negation.check("{\"lines\":[]}", paths("$.lines[*].amount"))).isEmpty();
        assertThat(Negation.check("{\"lines\":{}}", paths("$.lines.*"))).isEmpty();
        assertThat(Negation.check("{\"lines\":[{\"sku\":1}]}", paths("$..amount"))).isEmpty();
        assertThat(Negation.negate("{\"lines\":[]}", paths("$.lines[*].amount"))).isEqualTo("{\"lines\":[]}");
    }

    @Test
    void check_isEmptyWhenNegationWillWork() {
        assertThat(Negation.check("{\"amount\":-10000.50,\"fee\":\"3\"}", paths("$.amount", "$.fee"))).isEmpty();
    }

    @ParameterizedTest(name = "{0} at {1}: {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "{\"currency\":\"EUR\"}         | $.amount           | $.amount is missing",
            "{\"amount\":\"abc\"}           | $.amount           | $.amount is 'abc', not a number",
            "{\"amount\":\" 5\"}            | $.amount           | $.amount is ' 5', not a number",
            "{\"amount\":\"+5\"}            | $.amount           | $.amount is '+5', not a number",
            "{\"amount\":\"5 EUR\"}         | $.amount           | $.amount is '5 EUR', not a number",
            "{\"amount\":\"\"}              | $.amount           | $.amount is '', not a number",
            "{\"amount\":null}              | $.amount           | $.amount is null, not a number",
            "{\"amount\":true}              | $.amount           | $.amount is true, not a number",
            "{\"amount\":{\"value\":1}}     | $.amount           | $.amount is {\"value\":1}, not a number",
            "{\"amount\":[1]}               | $.amount           | $.amount is [1], not a number",
            "{\"currency\":\"EUR\"}         | $.payment.amount   | $.payment is missing",
            "{\"payment\":5}                | $.payment.amount   | $.payment is 5, not an object",
            "{\"payment\":null}             | $.payment.amount   | $.payment is null, not an object",
            "{\"lines\":[1,2]}              | $.lines[2]         | $.lines[2] is missing",
            "{\"lines\":{\"a\":1}}          | $.lines[0]         | $.lines is {\"a\":1}, not an array",
            "{\"lines\":\"none\"}           | $.lines[*]         | $.lines is 'none', not an array",
            "{\"lines\":\"none\"}           | $.lines.*          | $.lines is 'none', not an object",
            "{\"lines\":[{\"qty\":\"x\"}]}  | $.lines[*].qty     | $.lines[0].qty is 'x', not a number",
            "{\"a\":{\"amount\":\"x\"}}     | $..amount          | $.a.amount is 'x', not a number",
            "{\"unit price\":\"x\"}         | $['unit price']    | $['unit price'] is 'x', not a number",
            "{}                             | $['unit price']    | $['unit price'] is missing",
            "[]                             | $.amount           | $ is [], not an object",
            "\"text\"                       | $                  | $ is 'text', not a number",
    })
    void check_namesTheLocationAndShowsTheOffendingValue(String data, String path, String problem) {
        assertThat(Negation.check(data, paths(path))).containsExactly(problem);
    }

    @Test
    void check_listsEveryProblem_notJustTheFirst() {
        assertThat(Negation.check("{\"amount\":\"abc\",\"lines\":[{\"qty\":1},{\"qty\":null}]}",
                paths("$.amount", "$.fee", "$.lines[*].qty")))
                .containsExactly("$.amount is 'abc', not a number", "$.fee is missing", "$.lines[1].qty is null, not a number");
    }

    @Test
    void check_withoutData_findsTheFieldsMissing() {
        assertThat(Negation.check(null, paths("$.amount", "$[0]", "$[*]", "$..amount", "$")))
                .containsExactly("$.amount is missing", "$[0] is missing", "$ is missing");
        assertThat(Negation.check("  ", paths("$.amount"))).containsExactly("$.amount is missing");
    }

    @Test
    void check_saysWhenTheDataIsNotJson() {
        assertThat(Negation.check("{\"amount\":", paths("$.amount"))).singleElement().asString().startsWith("the data is not JSON: ");
    }

    @Test
    void check_cutsLongValuesShort() {
        String longText = "x".repeat(100);
        assertThat(Negation.check("{\"amount\":\"" + longText + "\"}", paths("$.amount")))
                .containsExactly("$.amount is '" + "x".repeat(39) + "..., not a number");
    }

    @Test
    void negate_refusesWhatItCannotNegate_listingEveryProblem() {
        assertThatThrownBy(() -> Negation.negate("{\"amount\":\"abc\"}", paths("$.amount", "$.fee")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot negate the data: $.amount is 'abc', not a number; $.fee is missing");
    }

    @Test
    void negate_leavesItsInputAlone_soTheSameDataNegatesTheSameTwice() {
        String data = "{\"amount\":5}";

        assertThat(Negation.negate(data, paths("$.amount"))).isEqualTo(Negation.negate(data, paths("$.amount")));
        assertThat(Negation.negate(Negation.negate(data, paths("$.amount")), paths("$.amount"))).isEqualTo(data);
    }

    private static List<JsonPath> paths(String... texts) {
        return Arrays.stream(texts).map(JsonPath::parse).toList();
    }
}
