package dev.dragoman.rules.internal;

import dev.dragoman.rules.yaml.MapsFileDto.EventDto;
import dev.dragoman.rules.yaml.MapsFileDto.ParticipantDto;
import dev.dragoman.rules.yaml.MapsFileDto.SagaDto;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Checks {@code sagas}: who starts them, who takes part, and what everyone is told at the end. */
final class SagaChecks {
    private SagaChecks() {
    }

    static void check(Declared<SagaDto> saga, List<Declared<EventDto>> events, Checks checks) {
        SagaDto dto = saga.dto();
        SourceFile file = saga.file();
        checks.required(file, saga.at("name"), dto.name());
        checks.duration(file, saga.at("deadline"), dto.deadline());
        Declared<EventDto> startEvent = null;
        if (checks.required(file, saga.at("start"), dto.start())) {
            startEvent = start(saga, events, checks);
        }
        List<ParticipantDto> participants = dto.participants();
        if (participants == null || participants.isEmpty()) {
            checks.problems().at(file, saga.at("participants"), "a saga needs at least one participant",
                    "list the contexts whose work the saga coordinates under participants");
        } else {
            participants(saga, participants, checks);
            if (startEvent != null) {
                startDeliveredToEveryParticipant(saga, startEvent, participants, checks);
            }
        }
        if (checks.required(file, saga.at("outcome"), dto.outcome())) {
            checks.required(file, KeyPaths.child(saga.at("outcome"), "completed"), dto.outcome().completed());
            checks.required(file, KeyPaths.child(saga.at("outcome"), "aborted"), dto.outcome().aborted());
        }
    }

    /**
     * The outcome carries the start event's data as each receiver saw it. A participant the start
     * event is not delivered to has no such copy, and must not be handed the initiator's own
     * words: another context's raw identifiers would cross the boundary.
     */
    private static void startDeliveredToEveryParticipant(Declared<SagaDto> saga, Declared<EventDto> start, List<ParticipantDto> participants,
            Checks checks) {
        String initiator = start.dto().from();
        Set<String> receivers = new HashSet<>();
        if (start.dto().deliver() != null) {
            start.dto().deliver().stream().filter(d -> d != null && d.to() != null).forEach(d -> receivers.add(d.to()));
        }
        for (int i = 0; i < participants.size(); i++) {
            ParticipantDto p = participants.get(i);
            // an unknown context or one without inbox is reported already
            if (p == null || p.context() == null || checks.inboxOf(p.context()) == null || p.context().equals(initiator)
                    || receivers.contains(p.context())) {
                continue;
            }
            checks.problems().at(saga.file(), KeyPaths.child(KeyPaths.index(saga.at("participants"), i), "context"), "participant '"
                    + p.context() + "' of saga '" + saga.dto().name() + "' does not receive the start event '" + start.dto().type()
                    + "' (declared at " + start.where() + "), so its outcome would carry " + initiator + "'s data untranslated",
                    "add '- to: " + p.context() + "' under deliver of the '" + start.dto().type() + "' entry of events (" + start.where()
                            + "), with data rules for the identifiers " + p.context() + " reads in it");
        }
    }

    private static Declared<EventDto> start(Declared<SagaDto> saga, List<Declared<EventDto>> events, Checks checks) {
        String start = saga.dto().start();
        List<Declared<EventDto>> publishers = events.stream().filter(e -> start.equals(e.dto().type())).toList();
        if (publishers.isEmpty()) {
            checks.problems().at(saga.file(), saga.at("start"), "saga start '" + start + "' is not a declared event type",
                    "declare it under events with the context that publishes it: that context starts the saga and is told its outcome");
        } else if (publishers.size() > 1) {
            checks.problems().at(saga.file(), saga.at("start"), "saga start '" + start + "' is published by several contexts ("
                    + publishers.stream().map(e -> e.dto().from()).collect(Collectors.joining(", ")) + ")",
                    "a saga has one initiator: give each publisher's event its own type");
        } else {
            String initiator = publishers.get(0).dto().from();
            if (initiator != null && checks.inboxOf(initiator) != null) {
                return publishers.get(0);
            }
            if (initiator != null) {
                checks.problems().at(saga.file(), saga.at("start"), "context '" + initiator + "' starts saga '" + saga.dto().name()
                        + "' but has no inbox to be told its outcome", "give contexts." + initiator + " an inbox");
            }
        }
        return null;
    }

    private static void participants(Declared<SagaDto> saga, List<ParticipantDto> participants, Checks checks) {
        SourceFile file = saga.file();
        Set<String> contexts = new HashSet<>();
        Map<String, String> reportTypes = new HashMap<>();
        for (int i = 0; i < participants.size(); i++) {
            String at = KeyPaths.index(saga.at("participants"), i);
            ParticipantDto p = participants.get(i);
            if (p == null) {
                checks.problems().at(file, at, "empty participant", "write {context: ..., completed: ..., failed: ...}");
                continue;
            }
            if (checks.context(file, KeyPaths.child(at, "context"), p.context())) {
                if (!contexts.add(p.context())) {
                    checks.problems().at(file, KeyPaths.child(at, "context"), "'" + p.context() + "' already takes part in this saga",
                            "list each participant once");
                } else if (checks.inboxOf(p.context()) == null) {
                    checks.problems().at(file, KeyPaths.child(at, "context"), "participant '" + p.context()
                            + "' has no inbox to receive the outcome and compensations", "give contexts." + p.context() + " an inbox");
                }
            }
            for (String key : List.of("completed", "failed")) {
                String type = key.equals("completed") ? p.completed() : p.failed();
                if (checks.required(file, KeyPaths.child(at, key), type)) {
                    String previous = reportTypes.putIfAbsent(type, KeyPaths.child(at, key));
                    if (previous != null) {
                        checks.problems().at(file, KeyPaths.child(at, key), "event type '" + type + "' already reports for " + previous,
                                "each report type must name one participant and one result");
                    }
                }
            }
            List<String> negate = p.negate();
            if (negate != null) {
                for (int j = 0; j < negate.size(); j++) {
                    if (checks.required(file, KeyPaths.index(KeyPaths.child(at, "negate"), j), negate.get(j))) {
                        checks.jsonPath(file, KeyPaths.index(KeyPaths.child(at, "negate"), j), negate.get(j));
                    }
                }
            }
        }
    }
}
