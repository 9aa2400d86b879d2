/** Holds the current context model: loaded at startup, reported in health, swapped whole on reload. */
package dev.dragoman.gateway.model;
