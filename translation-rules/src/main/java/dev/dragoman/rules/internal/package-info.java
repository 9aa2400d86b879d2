/** How the loader and translators work inside; nothing here is API. */
package dev.dragoman.rules.internal;
