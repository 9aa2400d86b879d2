package dev.dragoman.gateway.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * The production jar carries no test tooling: WireMock (and the mock departments built on it) belong to the tools
 * jar. Reads the jar the build made, so it runs with failsafe after the package phase, like the process tests.
 */
class GatewayJarContentsProcessIntegrationTests {

    private static final List<String> TEST_TOOLING = List.of("com/github/tomakehurst/", "org/wiremock/", "dev/dragoman/mock/");

    @Test
    void holdsNoWireMockClass_neitherInItsOwnClassesNorInANestedJar() throws IOException {
        List<String> entries = new ArrayList<>();
        try (JarFile jar = new JarFile(GatewayProcess.jar().toFile())) {
            for (JarEntry entry : Collections.list(jar.entries())) {
                entries.add(entry.getName());
                if (entry.getName().startsWith("BOOT-INF/lib/") && entry.getName().endsWith(".jar")) {
                    try (ZipInputStream nested = new ZipInputStream(jar.getInputStream(entry))) {
                        for (ZipEntry inner = nested.getNextEntry(); inner != null; inner = nested.getNextEntry()) {
                            entries.add(entry.getName() + "!/" + inner.getName());
                        }
                    }
                }
            }
        }

        assertThat(entries).as("the executable jar's entries").anyMatch(name -> name.endsWith("DragomanApplication.class"));
        assertThat(entries).filteredOn(name -> TEST_TOOLING.stream().anyMatch(name::contains)).isEmpty();
        assertThat(entries).noneMatch(name -> name.startsWith("BOOT-INF/lib/wiremock") || name.startsWith("BOOT-INF/lib/mock-upstreams"));
    }
}
