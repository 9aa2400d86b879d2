package dev.dragoman.tools.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dragoman.mock.MockDepartments;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The demo's departments take fixed ports: nothing of the demo may start unless asked for (the jar test runs the demo itself). */
class DemoConfigurationTests {

    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(DemoConfiguration.class);

    @Test
    void isInertByDefault() {
        context.run(started -> assertThat(started).hasNotFailed().doesNotHaveBean(MockDepartments.class).doesNotHaveBean(DemoBanner.class));
    }

    @Test
    void isInertWhenSwitchedOff() {
        context.withPropertyValues("dragoman.demo.mock-departments=false")
                .run(started -> assertThat(started).hasNotFailed().doesNotHaveBean(MockDepartments.class));
    }
}
