/** WireMock departments whose stubs are JSON files on the classpath, one folder per department. */
package dev.dragoman.mock;
