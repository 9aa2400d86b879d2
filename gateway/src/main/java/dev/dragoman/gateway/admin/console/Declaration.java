package dev.dragoman.gateway.admin.console;

import java.util.List;

/**
 * One declaration of the maps as the console's details panel shows it: what it is, where it is
 * written ({@code games.yaml:33}) and its settings, one line each, as the file spells them.
 */
public record Declaration(String title, String place, List<String> facts) {

    public Declaration {
        facts = List.copyOf(facts);
    }
}
