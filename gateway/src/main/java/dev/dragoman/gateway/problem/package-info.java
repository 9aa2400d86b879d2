/** RFC 9457 problem responses: every error Dragoman answers, in one shape. */
package dev.dragoman.gateway.problem;
