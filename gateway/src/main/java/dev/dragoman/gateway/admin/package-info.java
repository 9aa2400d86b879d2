/** The admin API under {@code /admin/}: the served model, reloads, and dry runs of a route's translation. */
package dev.dragoman.gateway.admin;
