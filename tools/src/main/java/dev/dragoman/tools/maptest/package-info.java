/**
 * Map tests: cases written in YAML beside the maps, run through the real gateway against WireMock stand-ins; and the
 * contract sweep, which needs no cases because a provider's own WireMock stubs already say what it answers to what.
 */
package dev.dragoman.tools.maptest;
