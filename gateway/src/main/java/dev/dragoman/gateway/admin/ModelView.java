package dev.dragoman.gateway.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.dragoman.gateway.model.ServedModel;
import dev.dragoman.rules.model.BoundedContext;
import dev.dragoman.rules.model.Composition;
import dev.dragoman.rules.model.CompositionPart;
import dev.dragoman.rules.model.Concept;
import dev.dragoman.rules.model.ContextModel;
import dev.dragoman.rules.model.Delivery;
import dev.dragoman.rules.model.EventRoute;
import dev.dragoman.rules.model.IdentifierRef;
import dev.dragoman.rules.model.JsonPath;
import dev.dragoman.rules.model.Participant;
import dev.dragoman.rules.model.PathTemplate;
import dev.dragoman.rules.model.ResolverSpec;
import dev.dragoman.rules.model.Route;
import dev.dragoman.rules.model.RoutePolicies;
import dev.dragoman.rules.model.Saga;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The served model as JSON for {@code GET /admin/model}. What comes from the maps keeps the
 * names the maps use ({@code strip-prefix}, {@code on-unknown}, {@code path-templates}), so
 * that it reads like the files; identifier tables show their size, never their rows (they may
 * hold millions). Rules stay maps, keyed by what they name ({@code gameCode: game.code}).
 */
record ModelView(long modelVersion, String loadedAt, String directory, List<ContextView> contexts, List<ConceptView> concepts,
        List<RouteView> routes, List<EventView> events, List<SagaView> sagas, List<CompositionView> compositions) {

    static ModelView of(ServedModel served, String directory) {
        ContextModel model = served.model();
        return new ModelView(served.version(), served.loadedAt().toString(), directory,
                model.contexts().values().stream().map(ContextView::of).toList(),
                model.concepts().values().stream().map(ConceptView::of).toList(),
                model.routes().stream().map(RouteView::of).toList(),
                model.events().stream().map(EventView::of).toList(),
                model.sagas().stream().map(SagaView::of).toList(),
                model.compositions().stream().map(CompositionView::of).toList());
    }

    record ContextView(String name, String description, String inbox) {

        static ContextView of(BoundedContext context) {
            return new ContextView(context.name(), context.description(), context.inbox());
        }
    }

    record ConceptView(String name, Map<String, List<String>> keys, int rows, ResolverView resolver) {

        static ConceptView of(Concept concept) {
            return new ConceptView(concept.name(), concept.keys(), concept.table().size(),
                    concept.resolverSpec().map(ResolverView::of).orElse(null));
        }
    }

    record ResolverView(String url, String timeout, @JsonProperty("maximum-size") long maximumSize, String ttl,
            @JsonProperty("negative-ttl") String negativeTtl) {

        static ResolverView of(ResolverSpec spec) {
            return new ResolverView(spec.url().toString(), spec.timeout().toString(), spec.maximumSize(), spec.ttl().toString(),
                    spec.negativeTtl().toString());
        }
    }

    record RouteView(String id, String from, String to, String path, @JsonProperty("strip-prefix") int stripPrefix, String upstream,
            @JsonProperty("on-unknown") String onUnknown, RequestView request, ResponseView response, Map<String, Object> policies) {

        static RouteView of(Route route) {
            return new RouteView(route.id(), route.from(), route.to(), route.path(), route.stripPrefix(), route.upstream().toString(),
                    route.onUnknown().name().toLowerCase(),
                    new RequestView(route.request().pathTemplates().stream().map(PathTemplate::text).toList(),
                            names(route.request().query()), names(route.request().headers()), paths(route.request().body())),
                    new ResponseView(names(route.response().headers()), paths(route.response().body())),
                    policies(route.policies()));
        }

        /** The route's policies as the maps write them, defaults filled in; only those the route has ({} for none). */
        static Map<String, Object> policies(RoutePolicies policies) {
            Map<String, Object> view = new LinkedHashMap<>();
            if (!policies.methods().isEmpty()) {
                view.put("methods", policies.methods());
            }
            if (policies.timeout() != null) {
                view.put("timeout", duration(policies.timeout()));
            }
            if (policies.retry() != null) {
                RoutePolicies.Retry retry = policies.retry();
                view.put("retry", ordered("retries", retry.retries(), "backoff", duration(retry.backoff()),
                        "max-backoff", duration(retry.maxBackoff()), "methods", policies.retriable()));
            }
            if (policies.circuitBreaker() != null) {
                RoutePolicies.CircuitBreaker breaker = policies.circuitBreaker();
                view.put("circuit-breaker", ordered("failure-rate", breaker.failureRate(), "window", breaker.window(),
                        "minimum-calls", breaker.minimumCalls(), "open-for", duration(breaker.openFor()),
                        "half-open-calls", breaker.halfOpenCalls()));
            }
            if (policies.rateLimit() != null) {
                RoutePolicies.RateLimit limit = policies.rateLimit();
                view.put("rate-limit", ordered("requests", limit.requests(), "period", duration(limit.period()), "burst", limit.burst()));
            }
            if (policies.cors() != null) {
                RoutePolicies.Cors cors = policies.cors();
                view.put("cors", ordered("origins", cors.origins(), "methods", cors.methods(), "headers", cors.headers(),
                        "expose-headers", cors.exposeHeaders(), "max-age", duration(cors.maxAge())));
            }
            return view;
        }

        private static Map<String, Object> ordered(Object... keysAndValues) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (int i = 0; i < keysAndValues.length; i += 2) {
                map.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
            return map;
        }
    }

    record RequestView(@JsonProperty("path-templates") List<String> pathTemplates, Map<String, String> query,
            Map<String, String> headers, Map<String, String> body) {
    }

    record ResponseView(Map<String, String> headers, Map<String, String> body) {
    }

    record EventView(String type, String from, String deadline, List<DeliveryView> deliver) {

        static EventView of(EventRoute event) {
            return new EventView(event.type(), event.from(), duration(event.deadline()),
                    event.deliver().stream().map(DeliveryView::of).toList());
        }
    }

    record DeliveryView(String to, String endpoint, Map<String, String> data) {

        static DeliveryView of(Delivery delivery) {
            return new DeliveryView(delivery.to(), delivery.endpoint(), paths(delivery.data()));
        }
    }

    record SagaView(String name, String start, String deadline, List<ParticipantView> participants, OutcomeView outcome) {

        static SagaView of(Saga saga) {
            return new SagaView(saga.name(), saga.start(), duration(saga.deadline()),
                    saga.participants().stream().map(ParticipantView::of).toList(),
                    new OutcomeView(saga.outcome() == null ? null : saga.outcome().completed(),
                            saga.outcome() == null ? null : saga.outcome().aborted()));
        }
    }

    record OutcomeView(String completed, String aborted) {
    }

    record ParticipantView(String context, String completed, String failed, String compensation, List<String> negate) {

        static ParticipantView of(Participant participant) {
            return new ParticipantView(participant.context(), participant.completed(), participant.failed(), participant.compensation(),
                    participant.negate().stream().map(JsonPath::text).toList());
        }
    }

    record CompositionView(String id, @JsonProperty("for") String context, String path, List<PartView> parts) {

        static CompositionView of(Composition composition) {
            return new CompositionView(composition.id(), composition.context(), composition.path().text(),
                    composition.parts().stream().map(PartView::of).toList());
        }
    }

    record PartView(String name, String route, String path, String select, String into, boolean required, String timeout) {

        static PartView of(CompositionPart part) {
            return new PartView(part.name(), part.route(), part.target().text(), part.select() == null ? null : part.select().text(),
                    part.into().text(), part.required(), duration(part.timeout()));
        }
    }

    /** Query parameter or header names with their rules, e.g. {@code gameCode: game.code}. */
    private static Map<String, String> names(Map<String, IdentifierRef> rules) {
        Map<String, String> view = new LinkedHashMap<>();
        rules.forEach((name, rule) -> view.put(name, rule.toString()));
        return view;
    }

    /** JSONPaths with their rules, e.g. {@code $.game.code: game.code}. */
    private static Map<String, String> paths(Map<JsonPath, IdentifierRef> rules) {
        Map<String, String> view = new LinkedHashMap<>();
        rules.forEach((path, rule) -> view.put(path.text(), rule.toString()));
        return view;
    }

    private static String duration(Duration duration) {
        return duration == null ? null : duration.toString();
    }
}
