package dev.dragoman.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonMediaTypeTests {

    @ParameterizedTest(name = "[{0}] is JSON: {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            application/json                              | true
            Application/JSON                              | true
            application/json; charset=utf-8               | true
            application/json;charset="UTF-8"              | true
            ' application/json ; charset=x-unknown'       | true
            application/problem+json                      | true
            application/cloudevents+json                  | true
            application/vnd.clinic.order+json             | true
            application/vnd.fuzz+json; charset=utf-8      | true
            application/x+json                            | true
            text/x+json                                   | true
            text/json                                     | false
            application/jsonx                             | false
            application/json+xml                          | false
            application/xml                               | false
            application/octet-stream                      | false
            text/plain                                    | false
            text/plain; charset=utf-8                     | false
            json                                          | false
            +json                                         | false
            /json                                         | false
            application/json/x                            | false
            garbage                                       | false
            ''                                            | false
            NULL                                          | false
            """)
    void isJson(String mediaType, boolean json) {
        assertThat(JsonMediaType.isJson(mediaType)).isEqualTo(json);
    }
}
