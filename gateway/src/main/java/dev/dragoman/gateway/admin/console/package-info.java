/**
 * The console at {@code /console/}: a page for the people who run Dragoman, server-rendered with
 * Thymeleaf and driven by htmx, drawing the map with Cytoscape.js (all three from this jar). The
 * page itself ({@code /console/}) and its scripts carry no data; everything it shows comes as HTML
 * fragments from {@code /admin/console/**}, so the admin key guards them exactly as it guards the
 * rest of {@code /admin/} ({@code security.AdminFilter}), with no second set of rules to keep in
 * step. It lives under {@code admin} because it is one more view of what the admin API shows, and
 * reuses its code ({@code DryRun}) rather than translating on its own.
 */
package dev.dragoman.gateway.admin.console;
