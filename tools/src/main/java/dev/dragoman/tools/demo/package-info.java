/** The demo's gateway: the mock departments run inside it, the departments on the participant kit beside it, and it says where everything listens and with which keys. */
package dev.dragoman.tools.demo;
