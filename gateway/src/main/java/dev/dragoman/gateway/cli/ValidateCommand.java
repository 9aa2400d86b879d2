package dev.dragoman.gateway.cli;

import dev.dragoman.rules.ContextMaps;
import dev.dragoman.rules.LoadError;
import dev.dragoman.rules.LoadResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code validate DIR}: loads the maps as the gateway would, and says what keeps them from loading. */
@Command(name = "validate",
        mixinStandardHelpOptions = true,
        header = "Loads the maps as the gateway would; lists every error (exit 0 valid, 1 not).",
        description = {"Loads a context-maps directory as the gateway would and prints every error, "
                + "as file:line: key.path: message (hint).",
                "Exit code: 0 when the maps load, 1 when they do not (for CI)."})
final class ValidateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "the context-maps directory")
    Path dir;

    @Override
    public Integer call() {
        LoadResult result = ContextMaps.load(dir);
        PrintWriter out = spec.commandLine().getOut();
        if (result.isValid()) {
            out.println(dir + ": valid: " + Summary.of(result.model()));
            return 0;
        }
        result.errors().stream().map(LoadError::toString).forEach(out::println);
        out.println(dir + ": invalid: " + result.errors().size() + (result.errors().size() == 1 ? " error" : " errors"));
        return 1;
    }
}
