/**
 * A JUnit 5 extension for contract tests across Dragoman: a team that sits on one side of the
 * gateway writes its test as a JUnit test against the real gateway and the real maps, with
 * WireMock standing in for the department on the other side, instead of learning the map tests'
 * YAML format or running the gateway beside its build. {@link dev.dragoman.test.DragomanTest}
 * is the whole surface: the annotation starts everything, a {@link dev.dragoman.test.Dragoman}
 * parameter hands out the clients and the upstreams' WireMock servers.
 */
package dev.dragoman.test;
