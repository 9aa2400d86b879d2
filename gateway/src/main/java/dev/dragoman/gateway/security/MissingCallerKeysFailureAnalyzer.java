package dev.dragoman.gateway.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says at startup, without a stack trace, how to give callers their keys (SPEC section 3). */
class MissingCallerKeysFailureAnalyzer extends AbstractFailureAnalyzer<MissingCallerKeysException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MissingCallerKeysException cause) {
        return new FailureAnalysis("No caller API keys are configured, so every route would refuse every caller.",
                "Give each calling context its keys, e.g. in application.yaml:\n\n"
                        + "    dragoman:\n      callers:\n        web-support:\n          api-keys: [\"<a long random key>\"]\n\n"
                        + "or as the environment variable SPRING_APPLICATION_JSON='{\"dragoman\":{\"callers\":{\"web-support\":"
                        + "{\"api-keys\":[\"<key>\"]}}}}'. On a development machine only, dragoman.open-development-mode=true "
                        + "serves without keys.", cause);
    }
}
