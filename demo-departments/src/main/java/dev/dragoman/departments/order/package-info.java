/**
 * The order department, the saga's initiator: its order and the saga's start event commit in one transaction, and
 * the kit cancels the order on its own when the deadline passes without {@code order.confirmed}.
 */
package dev.dragoman.departments.order;
