/**
 * The payment department, a saga step: a capture is a +amount delta in its ledger and its compensation the -amount
 * delta, applied once per saga whether Dragoman's refund or the deadline comes first.
 */
package dev.dragoman.departments.payment;
