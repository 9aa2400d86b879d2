package dev.dragoman.departments;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.mock.env.MockEnvironment;

class OneDepartmentTests {

    @Test
    void startsWithOneDepartmentsProfile_besideOthers() {
        assertThatCode(() -> prepared("payment", "local")).doesNotThrowAnyException();
    }

    @Test
    void refusesToStartWithoutADepartment() {
        assertThatIllegalStateException().isThrownBy(() -> prepared("local"))
                .withMessage("choose one department with --spring.profiles.active=<department>, one of [order, payment, product]; none is active");
    }

    @Test
    void refusesToStartAsTwoDepartments() {
        assertThatIllegalStateException().isThrownBy(() -> prepared("order", "payment"))
                .withMessageEndingWith("; active are [order, payment]");
    }

    private static void prepared(String... profiles) {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles(profiles);
        new OneDepartment().onApplicationEvent(
                new ApplicationEnvironmentPreparedEvent(null, new SpringApplication(), new String[0], environment));
    }
}
