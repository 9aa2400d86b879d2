/** Loads a directory of context maps into an immutable model and compiles identifier translators from it. */
package dev.dragoman.rules;
