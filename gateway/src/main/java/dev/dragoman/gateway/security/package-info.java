/** Callers prove their context with API keys (SPEC section 3); the admin API has keys of its own. */
package dev.dragoman.gateway.security;
