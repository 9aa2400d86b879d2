/**
 * Translated WireMock stubs ({@code stubs translate}): a department's mappings and body files rewritten into the other
 * side's vocabulary by the same compiled rules the gateway runs, so a consumer tests against a mock that speaks its
 * language without a gateway, and a consumer's expectations can be checked against the provider. The stubs are read as
 * JSON trees and only the values a route's rules name are changed; a matcher the rules cannot translate soundly (a regex
 * over an identifier, a templated body, an identifier without a row) is reported with its file and JSON path and its
 * mapping is not written, because a stub that is silently wrong passes tests it should fail.
 */
package dev.dragoman.tools.stubs;
