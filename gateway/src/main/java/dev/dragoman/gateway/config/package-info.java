/**
 * The gateway's configuration properties ({@code dragoman.*}), validated at start. A leaf:
 * every feature reads its settings here, and this package reads nothing of theirs.
 */
package dev.dragoman.gateway.config;
