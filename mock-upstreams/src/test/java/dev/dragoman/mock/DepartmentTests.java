package dev.dragoman.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DepartmentTests {

    @Test
    void all_readsTheDemoPortsInPortOrder() {
        assertThat(Department.all()).containsExactly(
                new Department("game-dept", 9101),
                new Department("web-support", 9102),
                new Department("order", 9201),
                new Department("product", 9202),
                new Department("payment", 9203),
                new Department("shipping", 9204));
    }

    @Test
    void stubsFolderIsNamedAfterTheDepartment() {
        assertThat(new Department("game-dept", 9101).stubsFolder()).isEqualTo("departments/game-dept");
    }

    @Test
    void rejectsANameThatIsNotAFolderName() {
        assertThatThrownBy(() -> new Department("Game Dept", 9101))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("was Game Dept");
    }

    @Test
    void rejectsAPortOutOfRange() {
        assertThatThrownBy(() -> new Department("game-dept", 70000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("was 70000");
    }
}
