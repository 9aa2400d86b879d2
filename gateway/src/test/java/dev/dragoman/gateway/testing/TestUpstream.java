package dev.dragoman.gateway.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The upstream behind a test's routes: a WireMock server on a free loopback port that every test
 * starts with as a catch-all JSON answer, and that stops after the class. Registered with
 * {@code @RegisterExtension} on a static field.
 *
 * <p>Not WireMock's own {@code WireMockExtension}: that one starts its server in {@code beforeAll},
 * while Spring reads the port in {@code @DynamicPropertySource} of the same class, and it leaves
 * each test with no stub at all. This one is running from its construction on.
 */
public final class TestUpstream extends WireMockServer implements BeforeEachCallback, AfterAllCallback {

    private final String catchAll;

    private TestUpstream(WireMockConfiguration options, String catchAll) {
        super(options.dynamicPort().bindAddress("127.0.0.1"));
        this.catchAll = catchAll;
        start();
    }

    /** Answers every request with {@code json} until a test stubs something else. */
    public static TestUpstream answering(String json) {
        return new TestUpstream(options(), json);
    }

    /** The same, never compressing its answers (for tests that compare the bytes the caller got). */
    public static TestUpstream answeringUncompressed(String json) {
        return new TestUpstream(options().gzipDisabled(true), json);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        resetAll();
        stubFor(any(anyUrl()).willReturn(okJson(catchAll)));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }
}
