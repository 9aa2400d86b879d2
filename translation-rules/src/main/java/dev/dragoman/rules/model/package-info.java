/** The immutable model of a context-maps directory: contexts, concepts with their identifier tables, routes, event routes and sagas. */
package dev.dragoman.rules.model;
