package dev.dragoman.rules.yaml;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** One context-map file as written. Every field may be absent; validation says what is missing. */
public record MapsFileDto(
        Map<String, ContextDto> contexts,
        Map<String, ConceptDto> concepts,
        List<RouteDto> routes,
        List<EventDto> events,
        List<SagaDto> sagas,
        List<CompositionDto> compositions) {

    /** A file without {@code compositions:}, as files were written before they existed. */
    public MapsFileDto(Map<String, ContextDto> contexts, Map<String, ConceptDto> concepts, List<RouteDto> routes,
            List<EventDto> events, List<SagaDto> sagas) {
        this(contexts, concepts, routes, events, sagas, null);
    }

    /** {@code contexts.<name>}. */
    public record ContextDto(String description, String inbox) {
    }

    /** {@code concepts.<name>}; entry values are scalars (String, Number, Boolean) when valid. */
    public record ConceptDto(
            Map<String, List<String>> keys,
            List<Map<String, Map<String, Object>>> entries,
            String entriesFile,
            ResolverDto resolver) {
    }

    /** {@code concepts.<name>.resolver}. */
    public record ResolverDto(String url, String timeout, CacheDto cache) {
    }

    /** {@code concepts.<name>.resolver.cache}. */
    public record CacheDto(Long maximumSize, String ttl, String negativeTtl) {
    }

    /** {@code routes[i]}. */
    public record RouteDto(
            String id,
            String from,
            String to,
            String path,
            Integer stripPrefix,
            String upstream,
            String onUnknown,
            RequestDto request,
            ResponseDto response,
            List<String> methods,
            String timeout,
            RetryDto retry,
            CircuitBreakerDto circuitBreaker,
            RateLimitDto rateLimit,
            CorsDto cors) {
    }

    /** {@code routes[i].retry}. */
    public record RetryDto(Integer retries, String backoff, String maxBackoff) {
    }

    /** {@code routes[i].circuit-breaker}. */
    public record CircuitBreakerDto(Integer failureRate, Integer window, Integer minimumCalls, String openFor, Integer halfOpenCalls) {
    }

    /** {@code routes[i].rate-limit}. */
    public record RateLimitDto(Integer requests, String period, Integer burst) {
    }

    /** {@code routes[i].cors}. */
    public record CorsDto(List<String> origins, List<String> methods, List<String> headers, List<String> exposeHeaders, String maxAge) {
    }

    /** {@code routes[i].request}. */
    public record RequestDto(
            List<String> pathTemplates,
            Map<String, String> query,
            Map<String, String> headers,
            Map<String, String> body) {
    }

    /** {@code routes[i].response}. */
    public record ResponseDto(Map<String, String> headers, Map<String, String> body) {
    }

    /** {@code events[i]}. */
    public record EventDto(String type, String from, String deadline, List<DeliveryDto> deliver) {
    }

    /** {@code events[i].deliver[j]}. */
    public record DeliveryDto(String to, String endpoint, Map<String, String> data) {
    }

    /** {@code sagas[i]}. */
    public record SagaDto(
            String name,
            String start,
            String deadline,
            List<ParticipantDto> participants,
            OutcomeDto outcome) {
    }

    /** {@code sagas[i].participants[j]}. */
    public record ParticipantDto(String context, String completed, String failed, String compensation, List<String> negate) {
    }

    /** {@code sagas[i].outcome}. */
    public record OutcomeDto(String completed, String aborted) {
    }

    /** {@code compositions[i]}; {@code for} is a Java keyword, hence the component's other name. */
    public record CompositionDto(
            String id,
            @JsonProperty("for") String forContext,
            String path,
            List<PartDto> parts) {
    }

    /** {@code compositions[i].parts[j]}. */
    public record PartDto(
            String name,
            String route,
            String path,
            String select,
            String into,
            Boolean required,
            String timeout) {
    }
}
