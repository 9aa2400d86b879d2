package dev.dragoman.tools.demo;

import dev.dragoman.gateway.config.DragomanProperties;
import dev.dragoman.gateway.model.ModelHolder;
import dev.dragoman.mock.Department;
import dev.dragoman.mock.MockDepartments;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * The demo's gateway: the mock departments start inside it, on the ports the example maps name, except the
 * departments that run as their own processes on the participant kit ({@code dragoman.demo.kit-departments}), whose
 * ports stay free for them, so that the gateway can be stopped while they go on. A
 * singleton is created before the web server starts listening, so the departments answer before the first request
 * can reach the gateway; they stop after it has stopped serving. The tools jar's main adds it to the gateway's
 * sources (DragomanTools), since the gateway's component scan does not reach this package.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(DemoProperties.MOCK_DEPARTMENTS)
@EnableConfigurationProperties(DemoProperties.class)
public class DemoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DemoConfiguration.class);

    @Bean(destroyMethod = "close")
    @Lazy(false) // even with spring.main.lazy-initialization: nothing would ask for it before the first request
    MockDepartments mockDepartments(DemoProperties properties) {
        MockDepartments departments = MockDepartments.start(mocked(Department.all(), properties.kitDepartments()), false);
        departments.departments().forEach(department ->
                log.info("Mock department {} listens on {}", department, departments.baseUrl(department)));
        return departments;
    }

    @Bean
    DemoBanner demoBanner(DragomanProperties properties, ModelHolder models, MockDepartments departments, DemoProperties demo) {
        return new DemoBanner(properties, models, departments, kitDepartments(Department.all(), demo.kitDepartments()));
    }

    /** The declared departments less those that run on the kit; a kit department that is not declared fails the start. */
    static List<Department> mocked(List<Department> declared, List<String> kitDepartments) {
        List<String> names = declared.stream().map(Department::name).toList();
        List<String> unknown = kitDepartments.stream().filter(name -> !names.contains(name)).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("dragoman.demo.kit-departments names " + unknown + ", which " + Department.DECLARATIONS
                    + " does not declare; it declares " + names);
        }
        return declared.stream().filter(department -> !kitDepartments.contains(department.name())).toList();
    }

    /** Each kit department's URL, from the port the declarations give it, in port order. */
    static Map<String, String> kitDepartments(List<Department> declared, List<String> kitDepartments) {
        Map<String, String> urls = new LinkedHashMap<>();
        declared.stream().filter(department -> kitDepartments.contains(department.name()))
                .forEach(department -> urls.put(department.name(), "http://127.0.0.1:" + department.demoPort()));
        return urls;
    }
}
