package dev.dragoman.tools.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code stubs}: the commands on WireMock stub directories; today {@code stubs translate}. */
@Command(name = "stubs",
        mixinStandardHelpOptions = true,
        header = "Works on WireMock stub directories (mappings/ and __files/) with the maps' rules.",
        description = {"Works on WireMock stub directories (mappings/ and __files/) with the maps' rules; see its commands."})
final class StubsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        // a group without its command is a wrong command line: say what there is
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }
}
