package dev.dragoman.gateway.admin;

/** {@code GET /admin/}: what is served, how the last reload went, and where to look next. */
record AdminIndex(long modelVersion, String loadedAt, String directory, ReloadView lastReload, Links links) {

    /** Where the admin API and the operations surface answer, for a reader who starts at the index. */
    record Links(String self, String model, String reload, String translate, String sagas, String events, String problems,
            String outbox, String changes, String openapi, String console, String health, String metrics, String gatewayRoutes) {

        static final Links ALL = new Links("/admin/", "/admin/model", "/admin/reload", "/admin/translate", "/admin/sagas",
                "/admin/events?source={source}&id={id}", "/admin/problems/{requestId}", "/admin/outbox", "/admin/changes", "/admin/openapi",
                "/console/", "/actuator/health", "/actuator/prometheus",
                "/actuator/gateway/routes");
    }
}
