package dev.dragoman.rules;

import dev.dragoman.rules.internal.CompiledRule;
import dev.dragoman.rules.internal.JsonBodyRules;
import dev.dragoman.rules.internal.NamedRules;
import dev.dragoman.rules.internal.PathRules;
import dev.dragoman.rules.model.Concept;
import dev.dragoman.rules.model.ContextModel;
import dev.dragoman.rules.model.Delivery;
import dev.dragoman.rules.model.EventRoute;
import dev.dragoman.rules.model.IdentifierRef;
import dev.dragoman.rules.model.JsonPath;
import dev.dragoman.rules.model.PathTemplate;
import dev.dragoman.rules.model.Route;
import dev.dragoman.rules.resolver.IdentifierResolver;
import dev.dragoman.rules.resolver.ResolverCache;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Every translator of a model, compiled once: one per route and direction, one per event
 * delivery. Immutable and thread-safe; a reload compiles a new one.
 */
public final class Translators {

    private final ContextModel model;
    private final Map<String, ResolverCache> resolvers;
    private final Map<String, RouteTranslator> routes = new LinkedHashMap<>();
    private final Map<String, BodyTranslator> deliveries = new HashMap<>();

    private Translators(ContextModel model, Map<String, ResolverCache> resolvers) {
        this.model = model;
        this.resolvers = resolvers;
        for (Route route : model.routes()) {
            routes.put(route.id(), new RouteTranslator(route,
                    direction(route.from(), route.to(), route.request().pathTemplates(), route.request().query(),
                            route.request().headers(), route.request().body()),
                    direction(route.to(), route.from(), List.of(), Map.of(), route.response().headers(), route.response().body())));
        }
        for (EventRoute event : model.events()) {
            for (Delivery delivery : event.deliver()) {
                deliveries.put(deliveryKey(event.type(), event.from(), delivery.to()),
                        new BodyTranslator(body(event.from(), delivery.to(), delivery.data(), "data")));
            }
        }
    }

    /** Compiles a model whose concepts have no resolver (or whose resolvers are not to be used). */
    public static Translators compile(ContextModel model) {
        return new Translators(model, Map.of());
    }

    /**
     * Compiles a model, giving each concept that declares a {@code resolver} a cache in front
     * of the resolver that {@code resolverFor} makes for it.
     */
    public static Translators compile(ContextModel model, Function<Concept, IdentifierResolver> resolverFor) {
        Map<String, ResolverCache> caches = new HashMap<>();
        for (Concept concept : model.concepts().values()) {
            concept.resolverSpec().ifPresent(spec -> caches.put(concept.name(), new ResolverCache(spec, resolverFor.apply(concept))));
        }
        return new Translators(model, caches);
    }

    public ContextModel model() {
        return model;
    }

    public Optional<RouteTranslator> route(String id) {
        return Optional.ofNullable(routes.get(id));
    }

    /** The translator of the {@code data} of an event published by {@code from} and delivered to {@code to}. */
    public BodyTranslator delivery(String type, String from, String to) {
        BodyTranslator translator = deliveries.get(deliveryKey(type, from, to));
        if (translator == null) {
            throw new NoSuchElementException("no delivery of " + type + " from " + from + " to " + to);
        }
        return translator;
    }

    /** Asks the resolvers every pending question of a translation; translate again when this completes. */
    public CompletableFuture<Void> resolve(Collection<Unresolved> pending) {
        List<CompletableFuture<?>> lookups = new ArrayList<>();
        for (Unresolved unresolved : pending) {
            if (unresolved.lookup() != null) {
                ResolverCache cache = resolvers.get(unresolved.lookup().concept());
                if (cache != null) {
                    lookups.add(cache.resolve(unresolved.lookup()));
                }
            }
        }
        return CompletableFuture.allOf(lookups.toArray(CompletableFuture[]::new));
    }

    /**
     * Translates a whole message in one direction of a route, asking the resolvers what the
     * translation needs and translating again, in rounds (see {@link #translate(Supplier, Function)}).
     * A message refused as ambiguous asks nothing: it is not going anywhere.
     */
    public CompletableFuture<Resolved<MessageTranslation>> translate(DirectionTranslator direction, Message message) {
        return translate(() -> direction.translate(message), t -> t.refusal() != null ? List.of() : t.unresolved());
    }

    /**
     * Translates a JSON document (an event's data, say), asking the resolvers what the
     * translation needs and translating again, in rounds (see {@link #translate(Supplier, Function)}).
     * The future fails with the {@link MalformedJsonException} when the bytes are not JSON.
     */
    public CompletableFuture<Resolved<BodyTranslation>> translate(BodyTranslator body, byte[] json) {
        return translate(() -> body.translate(json), BodyTranslation::unresolved);
    }

    /**
     * Translates with {@code translate}, asks the resolvers each distinct question that the
     * values {@code unresolvedOf} it list need (without blocking a thread), and translates again;
     * a translation lists at most {@link Unresolved#REPORTED_LIMIT} values, so this goes on in
     * rounds, each asking what nobody has asked yet, at most 20 of them. It stops early when a
     * resolver failed and values still wait for its answer: {@link Resolved#unavailable()} says
     * which. The future fails only with what {@code translate} throws.
     */
    public <T> CompletableFuture<Resolved<T>> translate(Supplier<T> translate, Function<T, List<Unresolved>> unresolvedOf) {
        return new LookupRounds<>(resolvers, translate, unresolvedOf).run();
    }

    public Optional<ResolverCache> resolverCache(String concept) {
        return Optional.ofNullable(resolvers.get(concept));
    }

    private DirectionTranslator direction(String from, String to, List<PathTemplate> templates, Map<String, IdentifierRef> query,
            Map<String, IdentifierRef> headers, Map<JsonPath, IdentifierRef> body) {
        List<PathRules.Compiled> paths = new ArrayList<>();
        for (PathTemplate template : templates) {
            CompiledRule[] rules = new CompiledRule[template.segments().size()];
            for (int i = 0; i < rules.length; i++) {
                if (template.segments().get(i) instanceof PathTemplate.Identifier id) {
                    rules[i] = rule(id.ref(), from, to);
                }
            }
            paths.add(new PathRules.Compiled(template, rules));
        }
        return new DirectionTranslator(new PathRules(paths), named(query, from, to, false, "query"),
                named(headers, from, to, true, "header"), new BodyTranslator(body(from, to, body, "body")));
    }

    private NamedRules named(Map<String, IdentifierRef> refs, String from, String to, boolean ignoreCase, String where) {
        Map<String, CompiledRule> rules = new LinkedHashMap<>();
        refs.forEach((name, ref) -> rules.put(name, rule(ref, from, to)));
        return new NamedRules(rules, ignoreCase, where);
    }

    private JsonBodyRules body(String from, String to, Map<JsonPath, IdentifierRef> refs, String where) {
        List<JsonPath> paths = new ArrayList<>(refs.keySet());
        List<CompiledRule> rules = paths.stream().map(p -> rule(refs.get(p), from, to)).toList();
        return new JsonBodyRules(paths, rules, where);
    }

    private CompiledRule rule(IdentifierRef ref, String from, String to) {
        Concept concept = model.concepts().get(ref.concept());
        return new CompiledRule(ref, concept, from, to, resolvers.get(ref.concept()));
    }

    private static String deliveryKey(String type, String from, String to) {
        return type + '\u0000' + from + '\u0000' + to;
    }
}
