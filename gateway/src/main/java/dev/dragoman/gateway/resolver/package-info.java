/** The HTTP side of concepts' {@code resolver:} lookups; the cache in front of them lives in translation-rules. */
package dev.dragoman.gateway.resolver;
