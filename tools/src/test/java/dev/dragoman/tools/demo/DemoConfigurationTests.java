package dev.dragoman.tools.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.dragoman.mock.Department;
import dev.dragoman.mock.MockDepartments;
import java.util.List;
import java.util.Map;
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

    @Test
    void leavesTheKitDepartmentsPortsToThem() {
        List<Department> declared = List.of(new Department("game-dept", 9101), new Department("order", 9201), new Department("payment", 9203));

        assertThat(DemoConfiguration.mocked(declared, List.of("order", "payment"))).extracting(Department::name).containsExactly("game-dept");
        assertThat(DemoConfiguration.kitDepartments(declared, List.of("payment", "order")))
                .containsExactly(Map.entry("order", "http://127.0.0.1:9201"), Map.entry("payment", "http://127.0.0.1:9203"));
        assertThat(DemoConfiguration.mocked(declared, List.of())).isEqualTo(declared);
    }

    @Test
    void refusesAKitDepartmentThatIsNotDeclared() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> DemoConfiguration.mocked(List.of(new Department("order", 9201)), List.of("order", "paymnet")))
                .withMessage("dragoman.demo.kit-departments names [paymnet], which departments/departments.properties does not declare;"
                        + " it declares [order]");
    }
}
