/**
 * The demo's order, payment and product departments as real services on the participant kit, each its own process
 * and database, so that the gateway can be stopped alone and the departments seen to roll back on their own at the
 * deadline. Each department's package is also the example of how a department uses the kit: a saga step or an
 * initiator bean, the department's own table, and one log line per thing it does.
 */
package dev.dragoman.departments;
