/**
 * What a map author and a demo need beside the gateway, and production does not: the map tests and the demo run
 * WireMock, which the gateway's production jar leaves out. This module builds on the gateway; the gateway knows
 * nothing of it.
 */
package dev.dragoman.tools;
