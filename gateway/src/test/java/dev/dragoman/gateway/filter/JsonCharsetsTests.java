package dev.dragoman.gateway.filter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonCharsetsTests {

    @Test
    void utf8SpelledAnyWayIsUtf8() {
        assertThat(JsonCharsets.declaredOtherThanUtf8("application/json; charset=UTF-8")).isNull();
        assertThat(JsonCharsets.declaredOtherThanUtf8("application/x+json;charset=\"utf8\"")).isNull();
        assertThat(JsonCharsets.declaredOtherThanUtf8("application/json")).isNull();
    }

    @Test
    void anyOtherDeclaredCharsetIsNamed_evenOneTheJdkDoesNotKnow() {
        assertThat(JsonCharsets.declaredOtherThanUtf8("application/json;charset=utf-16")).isEqualTo("utf-16");
        assertThat(JsonCharsets.declaredOtherThanUtf8("application/json;charset=x-klingon")).isEqualTo("x-klingon");
    }
}
