/** The command line ({@code java -jar gateway.jar validate|check|translate|diff}): the maps checked and tried without starting the gateway. */
package dev.dragoman.gateway.cli;
