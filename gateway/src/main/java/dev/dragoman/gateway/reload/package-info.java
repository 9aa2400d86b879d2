/** Hot reload: watches the maps directory, loads edits off to the side and swaps them in whole, or keeps the last good model and says why. */
package dev.dragoman.gateway.reload;
