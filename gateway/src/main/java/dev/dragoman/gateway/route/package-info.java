/** The context maps' routes as Spring Cloud Gateway routes, rebuilt on every reload. */
package dev.dragoman.gateway.route;
