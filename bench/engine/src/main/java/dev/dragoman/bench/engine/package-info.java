/** JMH benchmarks of the translation engine and a one-shot table-load measurement; run by {@code bench/engine.sh}. */
package dev.dragoman.bench.engine;
