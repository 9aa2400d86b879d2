/** Events (SPEC section 5): CloudEvents published to {@code POST /events}, stored, and delivered to every subscriber in its own model. */
package dev.dragoman.gateway.events;
