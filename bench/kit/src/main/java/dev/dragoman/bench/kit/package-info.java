/**
 * The participant kit measured the way a department runs it: its auto-configuration in a minimal
 * Spring Boot service ({@link dev.dragoman.bench.kit.BenchService}) on a real database, with only
 * the kit's public beans and its Flyway schema. Publishing is a JMH benchmark (a per-transaction
 * cost); the relay's throughput and the watchdog's lateness are one-shot measurements with a
 * {@code main} each, since they are about background threads draining a backlog, not about a
 * method JMH could call in a loop. Run by {@code bench/kit/run.sh}, never by the build.
 */
package dev.dragoman.bench.kit;
