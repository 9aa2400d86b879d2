/**
 * The console in a real browser: Debian's chromium, driven through Selenium by the system's
 * chromedriver, against the gateway started in the test's process on a copy of the example maps
 * (a copy, so that a test can break it and see the refused reload on the page). The browser is
 * the proof that matters for a page: htmx, the admin key in session storage and Cytoscape's drawing
 * only work together there.
 */
package dev.dragoman.console;
