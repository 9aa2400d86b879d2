/** Identifiers that no table holds, looked up from a service and cached with size and time bounds. */
package dev.dragoman.rules.resolver;
