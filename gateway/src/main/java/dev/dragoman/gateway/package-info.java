/** The Dragoman gateway application: Spring Cloud Gateway serving the context maps. */
package dev.dragoman.gateway;
