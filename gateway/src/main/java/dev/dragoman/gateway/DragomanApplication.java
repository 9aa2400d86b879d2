package dev.dragoman.gateway;

import dev.dragoman.gateway.cli.DragomanCli;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Starts the gateway, or runs a command of the command line (validate, check, translate, diff, --version) without it. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class DragomanApplication {

    public static void main(String[] args) {
        if (DragomanCli.isCommand(args)) {
            // before Spring: a check in CI must not need the gateway's configuration, nor pay for its start
            System.exit(DragomanCli.run(args));
        }
        SpringApplication.run(DragomanApplication.class, args);
    }
}
