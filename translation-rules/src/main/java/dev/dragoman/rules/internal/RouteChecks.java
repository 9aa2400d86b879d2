package dev.dragoman.rules.internal;

import dev.dragoman.rules.yaml.Conversions;
import dev.dragoman.rules.yaml.MapsFileDto.RequestDto;
import dev.dragoman.rules.yaml.MapsFileDto.ResponseDto;
import dev.dragoman.rules.yaml.MapsFileDto.RouteDto;

/** Checks {@code routes}: requests are written in {@code from}'s words, responses in {@code to}'s. */
final class RouteChecks {
    private RouteChecks() {
    }

    static void check(Declared<RouteDto> route, Checks checks) {
        RouteDto dto = route.dto();
        SourceFile file = route.file();
        checks.required(file, route.at("id"), dto.id());
        boolean from = checks.context(file, route.at("from"), dto.from());
        boolean to = checks.context(file, route.at("to"), dto.to());
        if (checks.required(file, route.at("path"), dto.path()) && !dto.path().startsWith("/")) {
            checks.problems().at(file, route.at("path"), "path must start with '/' but was '" + dto.path() + "'", "write e.g. /game-dept/**");
        }
        if (checks.required(file, route.at("upstream"), dto.upstream())) {
            checks.httpUrl(file, route.at("upstream"), dto.upstream());
        }
        if (dto.stripPrefix() != null && dto.stripPrefix() < 0) {
            checks.problems().at(file, route.at("strip-prefix"), "strip-prefix must not be negative but was " + dto.stripPrefix(), "");
        }
        if (dto.onUnknown() != null) {
            try {
                Conversions.onUnknown(dto.onUnknown());
            } catch (IllegalArgumentException e) {
                checks.problems().at(file, route.at("on-unknown"), e.getMessage(), "write reject (the default) or pass");
            }
        }
        PolicyChecks.check(route, checks);
        String caller = from ? dto.from() : null;
        String callee = to ? dto.to() : null;
        RequestDto request = dto.request();
        if (request != null) {
            String at = route.at("request");
            checks.pathTemplates(file, KeyPaths.child(at, "path-templates"), request.pathTemplates(), caller, callee);
            checks.namedRules(file, KeyPaths.child(at, "query"), request.query(), caller, callee);
            checks.namedRules(file, KeyPaths.child(at, "headers"), request.headers(), caller, callee);
            checks.bodyRules(file, KeyPaths.child(at, "body"), request.body(), caller, callee);
        }
        ResponseDto response = dto.response();
        if (response != null) {
            String at = route.at("response");
            checks.namedRules(file, KeyPaths.child(at, "headers"), response.headers(), callee, caller);
            checks.bodyRules(file, KeyPaths.child(at, "body"), response.body(), callee, caller);
        }
    }
}
