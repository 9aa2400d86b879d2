/** The translation filters: requests into the callee's vocabulary, responses back into the caller's. */
package dev.dragoman.gateway.filter;
