package dev.dragoman.rules.internal;

import dev.dragoman.rules.Finding;
import dev.dragoman.rules.model.ContextModel;
import dev.dragoman.rules.model.Delivery;
import dev.dragoman.rules.model.EventRoute;
import dev.dragoman.rules.model.IdentifierRef;
import dev.dragoman.rules.model.PathTemplate;
import dev.dragoman.rules.model.Route;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Concepts that no route rule and no event delivery refers to: a table kept up to date for
 * nothing, or a rule that was meant to use it and was never written.
 */
public final class ConceptUse {

    private ConceptUse() {
    }

    public static List<Finding> check(ContextModel model, Locations where) {
        Set<String> used = used(model);
        List<Finding> findings = new ArrayList<>();
        for (String concept : model.concepts().keySet()) {
            if (!used.contains(concept)) {
                findings.add(where.concept(concept, Finding.Kind.UNUSED,
                        "concept " + concept + " is referred to by no route and no event (write a rule such as " + concept
                                + ".<field>, or remove it)"));
            }
        }
        return findings;
    }

    static Set<String> used(ContextModel model) {
        Set<String> used = new HashSet<>();
        for (Route route : model.routes()) {
            for (PathTemplate template : route.request().pathTemplates()) {
                template.segments().stream().filter(PathTemplate.Identifier.class::isInstance)
                        .forEach(s -> used.add(((PathTemplate.Identifier) s).ref().concept()));
            }
            route.request().query().values().forEach(r -> used.add(r.concept()));
            route.request().headers().values().forEach(r -> used.add(r.concept()));
            route.request().body().values().forEach(r -> used.add(r.concept()));
            route.response().headers().values().forEach(r -> used.add(r.concept()));
            route.response().body().values().forEach(r -> used.add(r.concept()));
        }
        for (EventRoute event : model.events()) {
            for (Delivery delivery : event.deliver()) {
                delivery.data().values().stream().map(IdentifierRef::concept).forEach(used::add);
            }
        }
        return used;
    }
}
