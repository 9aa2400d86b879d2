package dev.dragoman.gateway.events;

import java.util.Locale;

/** Whether an event's {@code datacontenttype} says JSON (absent means JSON, as in the CloudEvents JSON format). */
final class JsonData {

    private JsonData() {
    }

    static boolean isJson(String dataContentType) {
        if (dataContentType == null) {
            return true;
        }
        String type = dataContentType.toLowerCase(Locale.ROOT);
        int parameters = type.indexOf(';');
        String base = (parameters < 0 ? type : type.substring(0, parameters)).trim();
        return base.equals("application/json") || base.equals("text/json") || base.endsWith("+json");
    }
}
