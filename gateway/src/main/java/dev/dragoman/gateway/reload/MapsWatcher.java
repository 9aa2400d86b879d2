package dev.dragoman.gateway.reload;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Watches the maps directory and its subdirectories (where {@code entries-file} CSVs may live)
 * and calls {@code onChange} once per burst of edits: editors save through temporary files and
 * renames, so a change is acted on only after {@code debounce} has passed without another one
 * (and at the latest after ten debounce periods, so that a directory that never falls quiet is
 * still reloaded). Every file counts, whatever its name: a map may reference any file.
 *
 * <p>A burst that falls quiet is not always a finished edit: a file rewritten in place more
 * slowly than the debounce is seen half-written. {@code onChange} then answers true ("read
 * again soon"), and the watcher calls it again after another debounce period even if nothing
 * else changes, until it answers false.
 *
 * <p>Runs on its own daemon thread from the context's start to its stop. {@code onChange} runs
 * on that thread, so edits made while it runs make one more call afterwards, never a
 * concurrent one.
 */
public final class MapsWatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MapsWatcher.class);

    /** How often to look for a maps directory that was deleted, to watch it again once it is back. */
    private static final Duration ABSENT_RETRY = Duration.ofSeconds(1);

    /** The shortest wait before reading half-written maps again, so that a zero debounce does not spin. */
    private static final Duration SHORTEST_RETRY = Duration.ofMillis(50);

    /** What to do once a burst of edits has fallen quiet. */
    @FunctionalInterface
    public interface OnChange {
        /** Acts on the edits; true when the maps looked half-written and should be read again soon, edited or not. */
        boolean readAgainSoon();
    }

    private final Path directory;
    private final Duration debounce;
    private final OnChange onChange;
    private final Map<WatchKey, Path> watched = new ConcurrentHashMap<>();
    private volatile WatchService service;
    private volatile Thread thread;
    private volatile boolean running;

    public MapsWatcher(Path directory, Duration debounce, Runnable onChange) {
        this(directory, debounce, () -> {
            onChange.run();
            return false;
        });
        Objects.requireNonNull(onChange, "onChange");
    }

    public MapsWatcher(Path directory, Duration debounce, OnChange onChange) {
        this.directory = Objects.requireNonNull(directory, "directory").toAbsolutePath().normalize();
        this.debounce = Objects.requireNonNull(debounce, "debounce");
        this.onChange = Objects.requireNonNull(onChange, "onChange");
        if (debounce.isNegative()) {
            throw new IllegalArgumentException("debounce must not be negative but was " + debounce);
        }
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        try {
            service = directory.getFileSystem().newWatchService();
        } catch (IOException e) {
            log.warn("Cannot watch the context maps in {} ({}); edits take effect through POST /admin/reload only", directory,
                    e.getMessage());
            return;
        }
        watchTree(directory);
        running = true;
        thread = new Thread(this::run, "dragoman-maps-watcher");
        thread.setDaemon(true);
        thread.start();
        log.info("Watching the context maps in {} for edits (debounce {} ms)", directory, debounce.toMillis());
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        try {
            service.close();
        } catch (IOException e) {
            log.debug("Closing the watch service of {} failed", directory, e);
        }
        Thread watching = thread;
        if (watching != null && watching != Thread.currentThread()) {
            try {
                // A reload in progress finishes first; it does not take long.
                watching.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        watched.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        try {
            boolean again = false;
            while (running) {
                if (!awaitChange(again)) {
                    continue;
                }
                awaitQuiet();
                try {
                    again = onChange.readAgainSoon();
                } catch (RuntimeException e) {
                    again = false;
                    log.error("Reloading the context maps in {} after an edit failed", directory, e);
                }
            }
        } catch (ClosedWatchServiceException e) {
            // stop() closed the service: the context is shutting down.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Waits for the first event of a burst, or when {@code again}, at most one debounce period
     * (a retry of maps that looked half-written); false when there is nothing to act on yet.
     */
    private boolean awaitChange(boolean again) throws InterruptedException {
        if (isWatchingRoot()) {
            WatchKey key = again
                    ? service.poll(Math.max(debounce.toNanos(), SHORTEST_RETRY.toNanos()), TimeUnit.NANOSECONDS)
                    : service.take();
            if (key != null) {
                drain(key);
            }
            return true;
        }
        WatchKey key = service.poll(ABSENT_RETRY.toMillis(), TimeUnit.MILLISECONDS);
        if (key != null) {
            drain(key);
        }
        if (Files.isDirectory(directory) && watchTree(directory)) {
            log.info("The context maps directory {} is back; watching it again", directory);
            return true;
        }
        return false;
    }

    /** Collects the rest of a burst: returns once no event came for a whole debounce period. */
    private void awaitQuiet() throws InterruptedException {
        long quiet = debounce.toNanos();
        long latest = System.nanoTime() + Math.max(quiet, 1) * 10;
        while (true) {
            long wait = Math.min(quiet, latest - System.nanoTime());
            WatchKey key = wait <= 0 ? null : service.poll(wait, TimeUnit.NANOSECONDS);
            if (key == null) {
                return;
            }
            drain(key);
        }
    }

    private void drain(WatchKey key) {
        Path dir = watched.get(key);
        for (WatchEvent<?> event : key.pollEvents()) {
            // OVERFLOW means events were lost: a reload follows anyway, which reads everything.
            if (dir != null && event.kind() == ENTRY_CREATE && event.context() instanceof Path name) {
                Path child = dir.resolve(name);
                if (Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
                    watchTree(child);
                }
            }
        }
        if (!key.reset()) {
            watched.remove(key);
            if (directory.equals(dir)) {
                log.warn("The context maps directory {} is gone; the last good model keeps serving, and the directory is"
                        + " watched again once it is back", directory);
            }
        }
    }

    private boolean isWatchingRoot() {
        return watched.values().stream().anyMatch(directory::equals);
    }

    /** Registers a directory and every directory below it; false when the directory could not be watched. */
    private boolean watchTree(Path root) {
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                    watched.put(dir.register(service, ENTRY_CREATE, ENTRY_DELETE, ENTRY_MODIFY), dir);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    log.warn("Cannot watch {} for edits: {}", file, e.getMessage());
                    return FileVisitResult.CONTINUE;
                }
            });
            return true;
        } catch (IOException | ClosedWatchServiceException e) {
            log.warn("Cannot watch {} for edits ({}); edits there take effect through POST /admin/reload", root, e.getMessage());
            return false;
        }
    }

    @Override
    public String toString() {
        return "MapsWatcher[directory=" + directory + ", debounce=" + debounce + "]";
    }
}
