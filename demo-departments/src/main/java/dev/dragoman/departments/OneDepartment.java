package dev.dragoman.departments;

import java.util.Arrays;
import java.util.List;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;

/**
 * Refuses to start unless exactly one department's profile is active: with none the process would be a web server
 * without a department, with two it would take both departments' saga steps on one port.
 */
final class OneDepartment implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    static final List<String> DEPARTMENTS = List.of("order", "payment", "product");

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        List<String> active = Arrays.stream(event.getEnvironment().getActiveProfiles()).filter(DEPARTMENTS::contains).toList();
        if (active.size() != 1) {
            throw new IllegalStateException("choose one department with --spring.profiles.active=<department>, one of " + DEPARTMENTS
                    + (active.isEmpty() ? "; none is active" : "; active are " + active));
        }
    }
}
