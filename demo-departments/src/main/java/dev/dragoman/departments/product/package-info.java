/**
 * The product department, a saga step that can fail: it reserves the skus or reports out-of-stock, and its
 * warehouse switch lets the demo decide late, after the gateway has gone, so that its report cannot be sent and is
 * given up at the deadline.
 */
package dev.dragoman.departments.product;
