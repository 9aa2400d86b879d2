/** The one-process demo: the mock departments run inside the gateway, which says where everything listens and with which keys. */
package dev.dragoman.tools.demo;
