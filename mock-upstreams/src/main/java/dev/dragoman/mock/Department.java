package dev.dragoman.mock;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * A mock department: its name, which is also the classpath folder {@code departments/<name>} holding its
 * WireMock stubs, and the port it listens on in the demo.
 */
public record Department(String name, int demoPort) {

    /** Where the departments and their demo ports are declared, once. */
    public static final String DECLARATIONS = "departments/departments.properties";

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");

    public Department {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("department name must be lower-case letters, digits and dashes, was " + name);
        }
        if (demoPort < 1 || demoPort > 65535) {
            throw new IllegalArgumentException("demo port of department " + name + " must be 1-65535, was " + demoPort);
        }
    }

    /** The classpath folder of this department's stubs ({@code mappings/}, and {@code __files/} if any). */
    public String stubsFolder() {
        return "departments/" + name;
    }

    /** Every department declared in {@value #DECLARATIONS}, in port order. */
    public static List<Department> all() {
        Properties declared = new Properties();
        try (InputStream in = Department.class.getClassLoader().getResourceAsStream(DECLARATIONS)) {
            if (in == null) {
                throw new IllegalStateException(DECLARATIONS + " is not on the classpath");
            }
            declared.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DECLARATIONS, e);
        }
        return declared.stringPropertyNames().stream()
                .map(name -> new Department(name, parsePort(name, declared.getProperty(name))))
                .sorted(Comparator.comparingInt(Department::demoPort))
                .toList();
    }

    private static int parsePort(String name, String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(DECLARATIONS + ": port of department " + name + " is not a number: " + value, e);
        }
    }
}
