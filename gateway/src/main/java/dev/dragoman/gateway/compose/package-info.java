/**
 * Composed reads (API composition): a context's {@code GET} endpoint answered from several of
 * its routes at once. A screen that needs data from three departments asks the gateway one
 * question in its own words instead of making three calls and merging them itself; each part
 * is fetched in parallel through its route's upstream with its route's translation both ways
 * (the same engine call the routes make), so a composition adds no path by which a foreign
 * identifier could reach the caller, and a part that fails is named in the answer.
 */
package dev.dragoman.gateway.compose;
