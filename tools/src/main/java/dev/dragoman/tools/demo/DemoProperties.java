package dev.dragoman.tools.demo;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The demo's settings, under {@code dragoman.demo.*}; the profile {@code demo} (application-demo.yaml) turns them on.
 *
 * @param mockDepartments Starts the mock departments (WireMock, the stubs of mock-upstreams) inside the gateway, on the ports the example maps name, before the gateway serves. Demo only.
 * @param kitDepartments  The departments that run as their own processes on the participant kit (demo-departments, which ./demo.sh starts): no mock is started on their ports, and the banner names them. Each must be a department of mock-upstreams' departments.properties, which declares the ports.
 */
@ConfigurationProperties("dragoman.demo")
public record DemoProperties(@DefaultValue("false") boolean mockDepartments, @DefaultValue List<String> kitDepartments) {

    /** The property that switches the demo on, for conditions. */
    static final String MOCK_DEPARTMENTS = "dragoman.demo.mock-departments";

    public DemoProperties {
        kitDepartments = List.copyOf(kitDepartments);
    }
}
