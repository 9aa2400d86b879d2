package dev.dragoman.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DragomanCliTests {

    @Test
    void isCommand_commandsAndHelp_butNotTheGatewaysArguments() {
        assertThat(DragomanCli.isCommand(new String[] {"validate", "context-maps"})).isTrue();
        assertThat(DragomanCli.isCommand(new String[] {"--help"})).isTrue();
        assertThat(DragomanCli.isCommand(new String[] {"diff", "a", "b"})).isTrue();
        assertThat(DragomanCli.isCommand(new String[] {})).isFalse();
        assertThat(DragomanCli.isCommand(new String[] {"--spring.profiles.active=demo"})).isFalse();
        assertThat(DragomanCli.isCommand(new String[] {"--server.port=8081", "validate"})).isFalse();
    }

    @Test
    void version_isACommand_printsTheVersionAndExitsZero() {
        assertThat(DragomanCli.isCommand(new String[] {"--version"})).isTrue();
        assertThat(DragomanCli.isCommand(new String[] {"-V"})).isTrue();

        for (String option : new String[] {"--version", "-V"}) {
            CliRun run = CliRun.of(option);

            assertThat(run.exitCode()).isZero();
            assertThat(run.out()).startsWith("dragoman ");
        }
    }

    @Test
    void test_isNotInTheGatewayJar_andSaysWhereItIs() {
        assertThat(DragomanCli.isCommand(new String[] {"test", "context-maps"})).isTrue();

        CliRun run = CliRun.of("test", "context-maps", "--help");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("The test command is not in the gateway jar", "java -jar tools/target/dragoman-tools-",
                " test DIR [TESTS]");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void sweepAndStubs_areNotInTheGatewayJar_andSayWhereTheyAre() {
        for (String command : new String[] {"sweep", "stubs"}) {
            assertThat(DragomanCli.isCommand(new String[] {command, "context-maps"})).isTrue();

            CliRun run = CliRun.of(command, "context-maps", "--help");

            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).contains("The " + command + " command is not in the gateway jar",
                    "java -jar tools/target/dragoman-tools-", " " + command + " ");
            assertThat(run.out()).isEmpty();
            assertThat(CliRun.of("--help").out()).doesNotContainPattern("(?m)^\\s+" + command + "\\b");
        }
    }

    @Test
    void help_doesNotOfferTheTestCommand() {
        assertThat(CliRun.of("--help").out()).doesNotContainPattern("(?m)^\\s+test\\b");
    }

    @Test
    void help_listsEveryCommandWithItsDescription() {
        CliRun run = CliRun.of("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Checks and tries context maps without starting the gateway")
                .contains("validate", "check", "translate", "diff", "Loads the maps as the gateway would", "Finds table rows that do not translate back");
    }

    @Test
    void help_ofACommand_describesItsOptionsAndExitCodes() {
        CliRun run = CliRun.of("help", "translate");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--route=ID", "--direction", "--path", "--query", "--header", "Exit code");
    }

    @Test
    void unknownCommandOption_isAUsageErrorWithExitCode2() {
        CliRun run = CliRun.of("validate", "--strict", "context-maps");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Unknown option: '--strict'");
    }
}
