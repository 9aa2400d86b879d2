package dev.dragoman.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * What a team sees when its {@link DragomanTest} cannot start: each broken class below is run
 * inside this test with JUnit's engine test kit, and must fail as a class, with a message that
 * says what to fix, and run none of its tests. (Surefire skips nested classes, so they run only here.)
 */
class DragomanFailuresExtensionTests {

    @Test
    void mapsThatDoNotLoadFailWithTheLoadersErrorFileLineAndKey() {
        EngineExecutionResults results = execute(BrokenMaps.class);
        Events events = results.allEvents();

        events.assertThatEvents().haveExactly(1, event(container(BrokenMaps.class), finishedWithFailure(
                instanceOf(ExtensionConfigurationException.class),
                message(m -> m.contains("do not load")
                        && m.contains("broken-maps/games.yaml:16: concepts.game.entries[1].web-support.code")))));
        assertThat(results.testEvents().started().count()).isZero();
    }

    @Test
    void aMissingMapsDirectorySaysWhereItLooked() {
        Events events = run(NoSuchMaps.class);

        events.assertThatEvents().haveExactly(1, event(container(NoSuchMaps.class), finishedWithFailure(
                instanceOf(ExtensionConfigurationException.class),
                message(m -> m.contains("no directory") && m.contains("no-such-maps") && m.contains("working directory")))));
    }

    @Test
    void stubsForAnUnknownRouteListTheRoutes() {
        Events events = run(UnknownStubsRoute.class);

        events.assertThatEvents().haveExactly(1, event(container(UnknownStubsRoute.class), finishedWithFailure(
                instanceOf(ExtensionConfigurationException.class),
                message(m -> m.contains("@Stubs(route = \"web-support-to-game-department\"): no such route")
                        && m.contains("[game-dept-to-web-support, web-support-own-tickets, web-support-to-game-dept]")))));
    }

    @Test
    void stubsForAContextNoRouteCallsListTheCalledContexts() {
        Events events = run(UncalledStubsContext.class);

        events.assertThatEvents().haveExactly(1, event(container(UncalledStubsContext.class), finishedWithFailure(
                instanceOf(ExtensionConfigurationException.class),
                message(m -> m.contains("@Stubs(context = \"order\"): no route") && m.contains("[game-dept, web-support]")))));
    }

    @Test
    void aMissingStubDirectoryIsNamed() {
        Events events = run(MissingStubDirectory.class);

        events.assertThatEvents().haveExactly(1, event(container(MissingStubDirectory.class), finishedWithFailure(
                instanceOf(ExtensionConfigurationException.class),
                message(m -> m.contains("no stub directory") && m.contains("no-such-stubs")))));
    }

    @Test
    void stubsNamingBothARouteAndAContextAreRefused() {
        Events events = run(StubsNamingBoth.class);

        events.assertThatEvents().haveExactly(1, event(container(StubsNamingBoth.class), finishedWithFailure(
                instanceOf(ExtensionConfigurationException.class),
                message(m -> m.contains("names both a route and a context")))));
    }

    /**
     * Keeps the broken classes below from running when a build or an IDE selects them directly
     * (e.g. -Dtest='dev/dragoman/test/**'): only the engine test kit above sets the parameter.
     */
    static final class OnlyInEngineTestKit implements ExecutionCondition {

        static final String PARAMETER = "dragoman.test.failure-fixtures";

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return context.getConfigurationParameter(PARAMETER).isPresent()
                    ? ConditionEvaluationResult.enabled("run by DragomanFailuresExtensionTests")
                    : ConditionEvaluationResult.disabled("a deliberately broken class, run only by DragomanFailuresExtensionTests");
        }
    }

    private static Events run(Class<?> testClass) {
        return execute(testClass).allEvents();
    }

    private static EngineExecutionResults execute(Class<?> testClass) {
        return EngineTestKit.engine("junit-jupiter")
                .configurationParameter(OnlyInEngineTestKit.PARAMETER, "true")
                .selectors(selectClass(testClass))
                .execute();
    }

    @ExtendWith(OnlyInEngineTestKit.class)
    @DragomanTest(maps = "src/test/resources/broken-maps")
    static class BrokenMaps {
        @Test
        void neverRuns(Dragoman dragoman) {
        }
    }

    @ExtendWith(OnlyInEngineTestKit.class)
    @DragomanTest(maps = "no-such-maps")
    static class NoSuchMaps {
        @Test
        void neverRuns(Dragoman dragoman) {
        }
    }

    @ExtendWith(OnlyInEngineTestKit.class)
    @DragomanTest(maps = "../context-maps", stubs = @Stubs(route = "web-support-to-game-department", dir = "src/test/resources"))
    static class UnknownStubsRoute {
        @Test
        void neverRuns(Dragoman dragoman) {
        }
    }

    @ExtendWith(OnlyInEngineTestKit.class)
    @DragomanTest(maps = "../context-maps", stubs = @Stubs(context = "order", dir = "src/test/resources"))
    static class UncalledStubsContext {
        @Test
        void neverRuns(Dragoman dragoman) {
        }
    }

    @ExtendWith(OnlyInEngineTestKit.class)
    @DragomanTest(maps = "../context-maps", stubs = @Stubs(context = "game-dept", dir = "no-such-stubs"))
    static class MissingStubDirectory {
        @Test
        void neverRuns(Dragoman dragoman) {
        }
    }

    @ExtendWith(OnlyInEngineTestKit.class)
    @DragomanTest(maps = "../context-maps", stubs = @Stubs(route = "web-support-to-game-dept", context = "game-dept", dir = "src/test/resources"))
    static class StubsNamingBoth {
        @Test
        void neverRuns(Dragoman dragoman) {
        }
    }
}
