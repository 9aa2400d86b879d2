package dev.dragoman.gateway.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AcceptEncodingTests {

    @Test
    void offersUpstreamWhatTheGatewayDecodesAndTheCallerAccepts() {
        assertThat(ResponseTranslationFilter.offered(List.of("gzip, br"))).isEqualTo("gzip");
        assertThat(ResponseTranslationFilter.offered(List.of("br;q=1.0, deflate", "x-gzip"))).isEqualTo("deflate, gzip");
        assertThat(ResponseTranslationFilter.offered(List.of("*"))).isEqualTo("gzip, deflate");
    }

    @Test
    void offersIdentityWhenTheCallerOffersNothingOrNothingDecodable() {
        assertThat(ResponseTranslationFilter.offered(null)).isEqualTo("identity");
        assertThat(ResponseTranslationFilter.offered(List.of("br, zstd"))).isEqualTo("identity");
        assertThat(ResponseTranslationFilter.offered(List.of("gzip;q=0, br"))).isEqualTo("identity");
    }
}
