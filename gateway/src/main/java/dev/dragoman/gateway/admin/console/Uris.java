package dev.dragoman.gateway.admin.console;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Query values as the console's links carry them. */
final class Uris {

    private Uris() {
    }

    static String encode(String text) {
        // URLEncoder writes a space as '+'; %20 reads back as a space wherever the link goes
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
