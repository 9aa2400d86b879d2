/**
 * A department's service as the kit's users write one: its own table, a transactional step that
 * publishes, handlers and an unsent hook, plus the test's stand-ins for the gateway and for time.
 * The kit is tested through it so that the auto-configuration is what is under test, not a
 * hand-wired copy of it.
 */
package dev.dragoman.kit.testservice;
