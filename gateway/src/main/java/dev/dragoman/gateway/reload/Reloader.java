package dev.dragoman.gateway.reload;

import dev.dragoman.gateway.model.ModelCounts;
import dev.dragoman.gateway.model.ModelHolder;
import dev.dragoman.gateway.model.ServedModel;
import dev.dragoman.gateway.reload.ReloadStatus.MapError;
import dev.dragoman.gateway.reload.ReloadStatus.Outcome;
import dev.dragoman.rules.ContextMaps;
import dev.dragoman.rules.LoadError;
import dev.dragoman.rules.LoadResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.event.RefreshRoutesEvent;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Loads the maps directory again and serves the result, or refuses it whole. A model is built
 * and compiled completely off to the side and swapped in with one reference write, so that no
 * request sees half of a change; then the gateway's route cache is rebuilt from it. Maps that
 * do not load change nothing that is served: the errors go to the log, to {@link #status()}
 * (the admin API and health read it) and to the metrics.
 *
 * <p>Maps that look half-written (see {@link LoadError#incomplete()}) are not refused at once:
 * the attempt is {@link Outcome#PENDING}, the watcher reads them again, and only when they stay
 * incomplete for {@link #INCOMPLETE_WARNING_AFTER} is the load reported as failed, with a
 * warning. Nothing of a pending load is served.
 *
 * <p>One reload runs at a time; a caller that asks while another runs waits for it and then
 * loads again, so that it never gets an answer older than its own edit.
 */
public final class Reloader {

    /** The load that started the gateway. */
    public static final String STARTUP = "startup";
    /** An edit seen in the maps directory. */
    public static final String WATCH = "watch";
    /** {@code POST /admin/reload}. */
    public static final String ADMIN = "admin";

    /** How long maps may look half-written before the load is reported as failed rather than pending. */
    public static final Duration INCOMPLETE_WARNING_AFTER = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(Reloader.class);

    private final ModelHolder models;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Counter loaded;
    private final Counter failed;
    private final Duration incompleteWarningAfter;
    private volatile ReloadStatus status;
    /** Since when the maps have looked half-written without a load in between; null when they have not. */
    private Instant incompleteSince;

    public Reloader(ModelHolder models, ApplicationEventPublisher events, MeterRegistry registry, Clock clock) {
        this(models, events, registry, clock, INCOMPLETE_WARNING_AFTER);
    }

    /**
     * @param incompleteWarningAfter how long maps may look half-written before the load is reported as failed
     */
    public Reloader(ModelHolder models, ApplicationEventPublisher events, MeterRegistry registry, Clock clock,
            Duration incompleteWarningAfter) {
        this.models = Objects.requireNonNull(models, "models");
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.incompleteWarningAfter = Objects.requireNonNull(incompleteWarningAfter, "incompleteWarningAfter");
        ServedModel served = models.current();
        this.status = new ReloadStatus(Outcome.LOADED, STARTUP, served.loadedAt(), served.version(), List.of(), served.loadedAt());
        this.loaded = reloads(registry, "loaded");
        this.failed = reloads(registry, "failed");
        Gauge.builder("dragoman.reload.last.success", this, reloader -> reloader.status.outcome() == Outcome.FAILED ? 0 : 1)
                .description("0 when the last load of the maps was refused and an older model serves, 1 when it was served"
                        + " (or waits for files still being written)")
                .register(registry);
        Gauge.builder("dragoman.model.version", models, holder -> holder.current().version())
                .description("Version of the served model: counts the models loaded since startup, from 1")
                .register(registry);
    }

    private static Counter reloads(MeterRegistry registry, String outcome) {
        return Counter.builder("dragoman.reloads")
                .description("Reloads of the context maps (startup excluded), by outcome")
                .tag("outcome", outcome)
                .register(registry);
    }

    /** The outcome of the last load, the one at startup until anything reloads. */
    public ReloadStatus status() {
        return status;
    }

    /**
     * Loads the directory now: serves the new model when it loads, keeps the current one when it
     * does not, or when its files look half-written ({@link Outcome#PENDING}: ask again soon).
     *
     * @param trigger what asks, for the status and the log: {@link #WATCH}, {@link #ADMIN}
     */
    public synchronized ReloadStatus reload(String trigger) {
        Objects.requireNonNull(trigger, "trigger");
        Path directory = models.directory();
        ServedModel next;
        List<MapError> errors;
        boolean incomplete = false;
        try {
            LoadResult result = ContextMaps.load(directory);
            next = result.isValid() ? models.prepare(result.model()) : null;
            // what looks half-written first: it may well be the cause of the rest
            errors = result.errors().stream().sorted(Comparator.comparing((LoadError error) -> !error.incomplete())).map(MapError::of).toList();
            incomplete = result.errors().stream().anyMatch(LoadError::incomplete);
        } catch (RuntimeException e) {
            // The loader reports problems in the maps as errors; an exception is a bug, and must not stop the watcher.
            log.error("Loading the context maps in {} failed unexpectedly", directory, e);
            next = null;
            errors = List.of(new MapError(directory.toString(), 0, "", "loading failed unexpectedly: " + e,
                    "the gateway's log has the stack trace; the previous model keeps serving"));
        }
        if (next != null) {
            incompleteSince = null;
            return serve(trigger, directory, next);
        }
        if (!incomplete) {
            incompleteSince = null;
            return refuse(trigger, directory, errors);
        }
        Instant now = clock.instant();
        boolean first = incompleteSince == null;
        if (first) {
            incompleteSince = now;
        }
        Duration waited = Duration.between(incompleteSince, now);
        if (waited.compareTo(incompleteWarningAfter) < 0) {
            return wait(trigger, directory, errors, first);
        }
        log.warn("The context maps in {} have looked half-written for {} s; they are refused until they are complete",
                directory.toAbsolutePath().normalize(), waited.toSeconds());
        return refuse(trigger, directory, errors);
    }

    /** Maps still being written: nothing changes, the watcher reads them again; not a warning, as long as it does not last. */
    private ReloadStatus wait(String trigger, Path directory, List<MapError> errors, boolean first) {
        ServedModel served = models.current();
        MapError incomplete = errors.get(0);
        if (first) {
            log.info("Not loading the context maps in {} ({}) yet: {}; model version {} keeps serving",
                    directory.toAbsolutePath().normalize(), trigger, incomplete.located(), served.version());
        } else {
            log.debug("The context maps in {} are still incomplete: {}", directory.toAbsolutePath().normalize(), incomplete.located());
        }
        status = new ReloadStatus(Outcome.PENDING, trigger, clock.instant(), served.version(), errors, served.loadedAt());
        return status;
    }

    private ReloadStatus serve(String trigger, Path directory, ServedModel next) {
        models.replace(next);
        events.publishEvent(new RefreshRoutesEvent(this));
        status = new ReloadStatus(Outcome.LOADED, trigger, clock.instant(), next.version(), List.of(), next.loadedAt());
        loaded.increment();
        log.info("Reloaded the context maps in {} ({}): model version {}, {}", directory.toAbsolutePath().normalize(), trigger,
                next.version(), ModelCounts.of(next.model()));
        return status;
    }

    private ReloadStatus refuse(String trigger, Path directory, List<MapError> errors) {
        ServedModel served = models.current();
        for (MapError error : errors) {
            log.warn("{}", error);
        }
        log.warn("Refused the context maps in {} ({}): {} error{}; still serving model version {} loaded at {}",
                directory.toAbsolutePath().normalize(), trigger, errors.size(), errors.size() == 1 ? "" : "s",
                served.version(), served.loadedAt());
        status = new ReloadStatus(Outcome.FAILED, trigger, clock.instant(), served.version(), errors, served.loadedAt());
        failed.increment();
        return status;
    }
}
