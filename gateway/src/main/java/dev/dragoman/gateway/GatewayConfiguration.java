package dev.dragoman.gateway;

import dev.dragoman.gateway.compose.CompositionRoutes;
import dev.dragoman.gateway.config.DragomanProperties;
import dev.dragoman.gateway.filter.HeaderSpellingsFilter;
import dev.dragoman.gateway.metrics.TranslationMetrics;
import dev.dragoman.gateway.model.ModelHolder;
import dev.dragoman.gateway.problem.DroppedErrors;
import dev.dragoman.gateway.problem.GatewayErrorHandler;
import dev.dragoman.gateway.problem.RecentProblems;
import dev.dragoman.gateway.problem.RequestIdFilter;
import dev.dragoman.gateway.resolver.HttpIdentifierResolver;
import dev.dragoman.gateway.policy.RouteCors;
import dev.dragoman.gateway.policy.RoutePolicyFilters;
import dev.dragoman.gateway.route.ContextMapRoutes;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.gateway.filter.factory.RetryGatewayFilterFactory;
import org.springframework.web.reactive.DispatcherHandler;
import dev.dragoman.gateway.security.CallerKeyHeadersFilter;
import dev.dragoman.gateway.security.CallerKeys;
import dev.dragoman.rules.Translators;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.cloud.gateway.config.HttpClientProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;

/** Wires the served model, the callers, the routes and the error answers. */
@Configuration(proxyBeanMethods = false)
class GatewayConfiguration {

    private static final Logger log = LoggerFactory.getLogger(GatewayConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ModelHolder modelHolder(DragomanProperties properties, Clock clock) {
        WebClient resolverClient = WebClient.create();
        return ModelHolder.load(properties.contextMaps(),
                model -> Translators.compile(model, concept -> new HttpIdentifierResolver(resolverClient, concept)), clock,
                properties.overrides());
    }

    @Bean
    CallerKeys callerKeys(DragomanProperties properties) {
        CallerKeys keys = new CallerKeys(properties);
        if (keys.openDevelopmentMode()) {
            log.warn("""

                    ************************************************************************
                    * OPEN DEVELOPMENT MODE: requests without an API key are served as if  *
                    * they came from their route's own context. Never run this way in      *
                    * production: set dragoman.callers.<context>.api-keys instead.         *
                    ************************************************************************""");
        }
        log.info("Caller keys are configured for the contexts {}", keys.contexts());
        return keys;
    }

    @Bean
    CallerKeyHeadersFilter callerKeyHeadersFilter() {
        return new CallerKeyHeadersFilter();
    }

    @Bean
    HeaderSpellingsFilter headerSpellingsFilter() {
        return new HeaderSpellingsFilter();
    }

    @Bean
    TranslationMetrics translationMetrics(MeterRegistry registry) {
        return new TranslationMetrics(registry);
    }

    @Bean
    ContextMapRoutes contextMapRoutes(ModelHolder models, CallerKeys keys, DragomanProperties properties, TranslationMetrics metrics,
            RoutePolicyFilters policies) {
        return new ContextMapRoutes(models, keys, properties.maxBodySize().toBytes(), metrics, policies);
    }

    /** The maps' route policies on Spring Cloud Gateway's retry and circuit breaker filters and Resilience4j (docs/MAP-FORMAT.md). */
    @Bean
    RoutePolicyFilters routePolicyFilters(RetryGatewayFilterFactory retries, ReactiveResilience4JCircuitBreakerFactory breakers,
            ObjectProvider<DispatcherHandler> dispatcher, MeterRegistry meters, Clock clock) {
        return new RoutePolicyFilters(retries, breakers, dispatcher, meters, clock);
    }

    @Bean
    RouteCors routeCors(ModelHolder models) {
        return new RouteCors(models);
    }

    /**
     * Compositions fetch their parts with the gateway's own Reactor Netty client (pool, connect
     * timeout) and, when a part declares no timeout, the routes' response timeout.
     */
    @Bean
    CompositionRoutes compositionRoutes(ModelHolder models, CallerKeys keys, DragomanProperties properties, HttpClient gatewayHttpClient,
            HttpClientProperties httpClient, ObjectProvider<ObservationRegistry> observations) {
        // Observed as the routes' calls are, so that a part's upstream receives the caller's trace
        // (docs/OPERATIONS.md, "Tracing") with a client span of the gateway's between.
        WebClient client = WebClient.builder().clientConnector(new ReactorClientHttpConnector(gatewayHttpClient))
                .observationRegistry(observations.getIfAvailable(() -> ObservationRegistry.NOOP)).build();
        Duration timeout = httpClient.getResponseTimeout() != null ? httpClient.getResponseTimeout() : Duration.ofSeconds(30);
        return new CompositionRoutes(models, keys, client, properties.maxBodySize().toBytes(), timeout);
    }

    @Bean
    GatewayErrorHandler gatewayErrorHandler() {
        DroppedErrors.install();
        return new GatewayErrorHandler();
    }

    /** The problems of the last hour, up to 16 MB of them, for GET /admin/problems/{requestId}. */
    @Bean
    RecentProblems recentProblems(Clock clock) {
        return new RecentProblems(clock, DataSize.ofMegabytes(16).toBytes(), Duration.ofHours(1));
    }

    @Bean
    RequestIdFilter requestIdFilter(RecentProblems problems) {
        return new RequestIdFilter(problems);
    }
}
