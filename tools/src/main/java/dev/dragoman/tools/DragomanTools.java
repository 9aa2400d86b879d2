package dev.dragoman.tools;

import dev.dragoman.gateway.DragomanApplication;
import dev.dragoman.tools.cli.ToolsCli;
import dev.dragoman.tools.demo.DemoConfiguration;
import org.springframework.boot.SpringApplication;

/**
 * The tools jar's main: the gateway's command line plus {@code test} (the map tests), or else the gateway itself with
 * the demo at hand ({@code --spring.profiles.active=demo} starts the mock departments inside it, as ./demo.sh does).
 */
public final class DragomanTools {

    private DragomanTools() {
    }

    public static void main(String[] args) {
        if (ToolsCli.isCommand(args)) {
            // before Spring, as in the gateway jar: a command answers without the gateway's configuration
            System.exit(ToolsCli.run(args));
        }
        SpringApplication.run(new Class<?>[] {DragomanApplication.class, DemoConfiguration.class}, args);
    }
}
