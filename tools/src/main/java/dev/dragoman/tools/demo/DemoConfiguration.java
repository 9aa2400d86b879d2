package dev.dragoman.tools.demo;

import dev.dragoman.gateway.config.DragomanProperties;
import dev.dragoman.gateway.model.ModelHolder;
import dev.dragoman.mock.MockDepartments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * The demo in one process: the mock departments start inside the gateway, on the ports the example maps name. A
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
    MockDepartments mockDepartments() {
        MockDepartments departments = MockDepartments.startOnDemoPorts();
        departments.departments().forEach(department ->
                log.info("Mock department {} listens on {}", department, departments.baseUrl(department)));
        return departments;
    }

    @Bean
    DemoBanner demoBanner(DragomanProperties properties, ModelHolder models, MockDepartments departments) {
        return new DemoBanner(properties, models, departments);
    }
}
