package dev.dragoman.tools.stubs;

/**
 * Something in a stub directory that was not translated, where it is and why: printed as {@code file:json-path: why}.
 *
 * @param file the file, relative to the stub directory ({@code mappings/games.json}, {@code __files/games/1005.json})
 * @param jsonPath where in it, e.g. {@code $.mappings[4].request.urlPath}
 */
public record StubProblem(String file, String jsonPath, String why) {

    @Override
    public String toString() {
        return file + ":" + jsonPath + ": " + why;
    }
}
