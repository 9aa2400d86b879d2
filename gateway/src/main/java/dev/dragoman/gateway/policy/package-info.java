/**
 * A route's policies (methods, timeout, retry, circuit breaker, rate limit, CORS) as Spring
 * Cloud Gateway's and Resilience4j's own filters and configuration: the maps declare them, this
 * package only configures those libraries, keeps their state across reloads (keyed by route id)
 * and turns their refusals into problems of Dragoman's {@code ProblemType}s, which never go
 * through response translation. Depends on {@code problem} and {@code model}; {@code route}
 * asks it for a route's filters.
 */
package dev.dragoman.gateway.policy;
