package dev.dragoman.gateway.boundary;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.LoggerFactory;

/**
 * Every log line at ERROR and every line with a stack trace, from the whole application, so a
 * case can be blamed for what its request made the gateway log (issue 12, finding 11: bad input
 * is one line at DEBUG or INFO, ERROR is for the gateway's own faults).
 */
final class LogRecorder extends AppenderBase<ILoggingEvent> {

    private final Queue<String> lines = new ConcurrentLinkedQueue<>();

    /** Attached to the root logger after Spring Boot has configured logging, which would drop it otherwise. */
    static LogRecorder attach() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        LogRecorder recorder = new LogRecorder();
        recorder.setName("boundary-fuzz");
        recorder.setContext(root.getLoggerContext());
        recorder.start();
        root.addAppender(recorder);
        return recorder;
    }

    void detach() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.detachAppender(this);
        stop();
    }

    @Override
    protected void append(ILoggingEvent event) {
        // Only what the gateway logs while serving: Spring contexts that other test classes left
        // in the cache keep their background workers (deliveries, watchers, Kafka) running in
        // this JVM, and their lines are not this case's doing.
        if (!servingThread(event.getThreadName())) {
            return;
        }
        // Netty reports a leaked buffer when the garbage collector finds it, on whichever event loop
        // allocates next: the report names a buffer of some earlier exchange, often a test client's
        // (a response another test class never read), not this case's doing.
        if (event.getLoggerName().equals("io.netty.util.ResourceLeakDetector")) {
            return;
        }
        IThrowableProxy thrown = event.getThrowableProxy();
        if (event.getLevel().isGreaterOrEqual(Level.ERROR) || thrown != null) {
            lines.add(event.getLevel() + " " + event.getLoggerName() + ": " + event.getFormattedMessage()
                    + (thrown == null ? "" : "\n\tat ... " + thrown.getClassName() + ": " + thrown.getMessage()));
        }
    }

    /**
     * The server's and the upstream client's event loops (Spring Boot names its server's
     * {@code webflux-http-epoll-N}, Reactor Netty its client's {@code reactor-http-epoll-N}, or
     * {@code -nio-} without epoll), and the schedulers a request's work may hop to.
     */
    private static boolean servingThread(String name) {
        return name.contains("-http-") || name.startsWith("boundedElastic-") || name.startsWith("parallel-");
    }

    /** What was recorded since the last call. */
    List<String> drain() {
        List<String> drained = new ArrayList<>();
        for (String line = lines.poll(); line != null; line = lines.poll()) {
            drained.add(line);
        }
        return drained;
    }
}
