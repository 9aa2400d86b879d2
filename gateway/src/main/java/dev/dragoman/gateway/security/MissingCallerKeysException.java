package dev.dragoman.gateway.security;

/** No caller has a key, and the gateway is not in open development mode: it would refuse every request. */
public class MissingCallerKeysException extends IllegalStateException {

    public MissingCallerKeysException() {
        super("no caller API keys are configured (dragoman.callers.<context>.api-keys), so every route would refuse every "
                + "caller; configure keys, or set dragoman.open-development-mode=true to serve without them on a development machine");
    }
}
