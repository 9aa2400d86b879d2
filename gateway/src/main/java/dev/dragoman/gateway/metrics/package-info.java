/** Micrometer metrics of translation, exported by the actuator's Prometheus endpoint. */
package dev.dragoman.gateway.metrics;
