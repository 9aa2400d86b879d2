/** The raw shape of a context-map file as YAML holds it, and the MapStruct mappers from it to the model. */
package dev.dragoman.rules.yaml;
