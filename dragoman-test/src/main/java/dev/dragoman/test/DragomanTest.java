package dev.dragoman.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class against the real gateway, started in the test's process on a random loopback
 * port with the given context maps. Every route's upstream is a WireMock server of its own (empty,
 * or loaded from a stub directory named by {@link #stubs()}), every context's inbox is one more
 * WireMock server, and every context gets a random API key of this run. A test method (or a
 * constructor, or a lifecycle method) takes a {@link Dragoman} parameter to reach them:
 *
 * <pre>{@code
 * @DragomanTest(maps = "../context-maps")
 * class GameContractTests {
 *     @Test
 *     void gameOne(Dragoman dragoman) {
 *         dragoman.upstream("game-dept").stubFor(get("/games/1001").willReturn(okJson("{\"code\":1001}")));
 *         assertThat(dragoman.client("web-support").get("/game-dept/games/1").body()).isEqualTo("{\"code\":1}");
 *     }
 * }
 * }</pre>
 *
 * <p>Before each test every WireMock server is reset: stubs a test added are gone, a stub
 * directory's stubs are back, journals and scenarios are empty. The gateway and its servers are
 * started once for all the test classes of a run that name the same maps and stubs, and stopped
 * when the run ends: a start takes seconds, a reset a millisecond.
 *
 * <p>When the maps do not load, every test of the class fails with the loader's errors (file,
 * line, key); a name in {@link #stubs()} that the maps do not know fails it with the known names.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(DragomanExtension.class)
public @interface DragomanTest {

    /**
     * The context-maps directory, as the gateway reads it ({@code dragoman.context-maps}):
     * relative to the working directory, which Maven and Gradle set to the module's directory.
     */
    String maps();

    /** Stub directories that stand in for upstreams; a route named nowhere here gets an empty WireMock. */
    Stubs[] stubs() default {};
}
