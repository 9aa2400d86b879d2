package dev.dragoman.tools.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The demo's settings, under {@code dragoman.demo.*}; the profile {@code demo} (application-demo.yaml) turns them on.
 *
 * @param mockDepartments Starts the mock departments (WireMock, the stubs of mock-upstreams) inside the gateway, on the ports the example maps name, before the gateway serves. Demo only.
 */
@ConfigurationProperties("dragoman.demo")
public record DemoProperties(@DefaultValue("false") boolean mockDepartments) {

    /** The property that switches the demo on, for conditions. */
    static final String MOCK_DEPARTMENTS = "dragoman.demo.mock-departments";
}
