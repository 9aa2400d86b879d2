/** Map tests: cases written in YAML beside the maps, run through the real gateway against WireMock stand-ins. */
package dev.dragoman.tools.maptest;
