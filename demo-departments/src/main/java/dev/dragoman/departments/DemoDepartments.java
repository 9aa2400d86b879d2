package dev.dragoman.departments;

import dev.dragoman.departments.order.OrderDepartment;
import dev.dragoman.departments.payment.PaymentDepartment;
import dev.dragoman.departments.product.ProductDepartment;
import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * One jar, three departments: the active profile ({@code order}, {@code payment} or {@code product}) picks which
 * one this process is, with its port, key, inbox and database (application-&lt;department&gt;.yaml). Each department
 * imports only its own beans, so the kit sees exactly that department's saga steps.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({OrderDepartment.class, PaymentDepartment.class, ProductDepartment.class})
public class DemoDepartments {

    /** The kit reads time from the service's one Clock bean; the departments use it too, so both agree. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(DemoDepartments.class);
        application.addListeners(new OneDepartment());
        application.run(args);
    }
}
