/**
 * The tools jar's command line: the gateway's own commands, plus {@code test}, which starts a real gateway against
 * WireMock stand-ins and so belongs with WireMock here rather than in the production jar.
 */
package dev.dragoman.tools.cli;
