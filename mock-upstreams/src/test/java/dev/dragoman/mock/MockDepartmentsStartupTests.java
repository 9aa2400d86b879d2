package dev.dragoman.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;

class MockDepartmentsStartupTests {

    @Test
    void aTakenPortIsAnErrorNamingTheDepartmentThePortAndWhy_andLeavesNoPortTaken() throws IOException {
        int free = freePort();
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<Department> departments = List.of(new Department("web-support", free), new Department("game-dept", taken.getLocalPort()));

            assertThatThrownBy(() -> MockDepartments.start(departments, false))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("cannot start department game-dept on port " + taken.getLocalPort())
                    .hasMessageContaining("BindException");
        }
        try (ServerSocket again = new ServerSocket(free, 1, InetAddress.getLoopbackAddress())) {
            assertThat(again.getLocalPort()).as("web-support, started first, was stopped again").isEqualTo(free);
        }
    }

    @Test
    void aDepartmentWithoutStubsIsAnErrorNamingTheFolderItLacks() {
        assertThatThrownBy(() -> MockDepartments.start(List.of(new Department("accounting", 9999)), true))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("departments/accounting/mappings");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
