package dev.dragoman.rules.internal;

import dev.dragoman.rules.yaml.Conversions;
import dev.dragoman.rules.yaml.MapsFileDto.DeliveryDto;
import dev.dragoman.rules.yaml.MapsFileDto.EventDto;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks {@code events}: data rules are written in the publisher's words, delivered in each subscriber's. */
final class EventChecks {
    private EventChecks() {
    }

    static void check(Declared<EventDto> event, Checks checks) {
        EventDto dto = event.dto();
        SourceFile file = event.file();
        checks.required(file, event.at("type"), dto.type());
        boolean from = checks.context(file, event.at("from"), dto.from());
        checks.duration(file, event.at("deadline"), dto.deadline());
        List<DeliveryDto> deliver = dto.deliver();
        if (deliver == null) {
            return;
        }
        Set<String> receivers = new HashSet<>();
        for (int i = 0; i < deliver.size(); i++) {
            String at = KeyPaths.index(event.at("deliver"), i);
            DeliveryDto delivery = deliver.get(i);
            if (delivery == null) {
                checks.problems().at(file, at, "empty delivery", "write {to: <context>}");
                continue;
            }
            boolean to = checks.context(file, KeyPaths.child(at, "to"), delivery.to());
            if (to && !receivers.add(delivery.to())) {
                checks.problems().at(file, KeyPaths.child(at, "to"), "'" + delivery.to() + "' already receives " + dto.type(),
                        "deliver an event once to each context");
            }
            if (delivery.endpoint() != null) {
                inbox(checks, file, KeyPaths.child(at, "endpoint"), delivery.endpoint());
            } else if (to && checks.inboxOf(delivery.to()) == null) {
                checks.problems().at(file, KeyPaths.child(at, "to"), "context '" + delivery.to() + "' has no inbox to deliver " + dto.type() + " to",
                        "give contexts." + delivery.to() + " an inbox, or this delivery an endpoint");
            }
            checks.bodyRules(file, KeyPaths.child(at, "data"), delivery.data(), from ? dto.from() : null, to ? delivery.to() : null);
        }
    }

    static void inbox(Checks checks, SourceFile file, String keyPath, String text) {
        try {
            dev.dragoman.rules.yaml.Inboxes.inbox(text);
        } catch (IllegalArgumentException e) {
            checks.problems().at(file, keyPath, e.getMessage(), "write an http(s) URL or kafka:<topic>");
        }
    }
}
