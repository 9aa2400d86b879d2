/**
 * The wiring a service gets by adding the kit: its settings ({@code dragoman.kit.*}, validated at
 * start so a missing gateway URL or key fails the start rather than the first publish), its schema,
 * the relay and, in a servlet web application, the inbox route. Kept apart so that the outbox and
 * inbox classes are plain Java a test or a simulation can build without Spring.
 */
package dev.dragoman.kit.autoconfigure;
