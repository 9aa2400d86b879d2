package dev.dragoman.gateway.boundary;

import dev.dragoman.gateway.boundary.ForeignMap.Direction;
import dev.dragoman.gateway.boundary.ForeignMap.Rule;
import dev.dragoman.gateway.boundary.ForeignMap.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Chooses the values the fuzzer plants at ruled places, and builds JSON bodies around them:
 * mostly values of the sender's vocabulary (each in its declared JSON type or the other one),
 * and, now and then, a value the receiver's vocabulary has but the sender's has not, a value
 * neither has, a value the sender has for a thing the receiver lacks, an empty one, a number
 * written {@code 1.0} or {@code 1e0}; arrays, arrays of arrays, and shapes the rule does not expect.
 */
final class Planting {

    private final Random random;
    private final Direction direction;
    /** Half of the cases plant only values that translate, so that translation itself is tested as often as refusal. */
    final boolean clean;
    private int noise;

    Planting(Random random, Direction direction) {
        this.random = random;
        this.direction = direction;
        this.clean = random.nextBoolean();
    }

    /** A value as text, for a path, a query or a header; {@code plainAscii} for headers. */
    String text(Rule rule, boolean plainAscii) {
        while (true) {
            String text = Json.text(scalar(rule));
            if (!plainAscii || text.chars().allMatch(c -> c >= 0x20 && c < 0x7f && c != ',') && text.equals(text.trim())) {
                return text;
            }
        }
    }

    Json scalar(Rule rule) {
        int roll = random.nextInt(100);
        List<Value> sources = clean
                ? rule.sourceColumn(direction).stream().filter(v -> rule.translate(direction, v.text()).isPresent()).toList()
                : rule.sourceColumn(direction);
        if (roll < 72 || clean) {
            Value value = sources.get(random.nextInt(sources.size()));
            if (value.number() && !clean && random.nextInt(8) == 0) {
                // the same number written otherwise is another text: not an identifier of the table
                return new Json.Num(value.text() + (random.nextBoolean() ? ".0" : "e0"));
            }
            if (random.nextInt(5) == 0) {
                return value.number() ? new Json.Str(value.text()) : asNumberIfItIsOne(value.text());
            }
            return value.json();
        }
        if (roll < 82) {
            List<Value> foreign = rule.targetColumn(direction).stream().filter(v -> !rule.inSource(direction, v.text())).toList();
            if (!foreign.isEmpty()) {
                return foreign.get(random.nextInt(foreign.size())).json();
            }
        }
        if (roll < 86) {
            return new Json.Str("");
        }
        String unknown = Values.unknown(random, rule);
        return random.nextBoolean() ? asNumberIfItIsOne(unknown) : new Json.Str(unknown);
    }

    private static Json asNumberIfItIsOne(String text) {
        return text.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?") ? new Json.Num(text) : new Json.Str(text);
    }

    /** What a body holds where a rule's path ends: mostly a scalar, sometimes arrays of them at any depth, null, or an object. */
    Json slot(Rule rule) {
        int roll = random.nextInt(100);
        if (roll < 70) {
            return scalar(rule);
        }
        if (roll < 76) {
            return Json.Null.NULL;
        }
        if (roll < 88) {
            Json.Arr arr = Json.arr();
            int n = random.nextInt(4);
            for (int i = 0; i < n; i++) {
                arr.elements().add(random.nextInt(10) == 0 ? Json.Null.NULL : scalar(rule));
            }
            return arr;
        }
        if (roll < 97 || clean) {
            Json.Arr outer = Json.arr();
            int n = 1 + random.nextInt(3);
            for (int i = 0; i < n; i++) {
                outer.elements().add(random.nextBoolean() ? slotArray(rule) : scalar(rule));
            }
            return outer;
        }
        Json.Obj obj = Json.obj();
        obj.members().add(Map.entry("value", scalar(rule)));
        return obj;
    }

    private Json slotArray(Rule rule) {
        Json.Arr arr = Json.arr();
        int n = random.nextInt(3);
        for (int i = 0; i < n; i++) {
            arr.elements().add(random.nextInt(4) == 0 ? slotArray(rule) : scalar(rule));
        }
        return arr;
    }

    /** A body with a value at the paths of some of the rules, and noise around them. */
    Json.Obj body(List<ForeignMap.BodyRule> rules, ForeignMap map) {
        Json.Obj root = Json.obj();
        for (ForeignMap.BodyRule rule : rules) {
            if (random.nextInt(10) < 7) {
                Json built = build(rule.path().steps(), 0, rule.rule(), map);
                Json.Obj holder = (Json.Obj) built;
                holder.members().forEach(root.members()::add);
            }
            if (random.nextInt(3) == 0) {
                root.members().add(Map.entry(noiseName(), noiseValue(map)));
            }
        }
        java.util.Collections.shuffle(root.members(), random);
        return root;
    }

    /**
     * What the steps from {@code i} on need at the place they start: for a member or descendant
     * step, a one-member object that holds the rest (its parent merges or nests it); for an
     * index or wildcard step, an array; at the end, the slot's value.
     */
    private Json build(List<JsonPath.Step> steps, int i, Rule rule, ForeignMap map) {
        if (i == steps.size()) {
            return slot(rule);
        }
        JsonPath.Step step = steps.get(i);
        if (step instanceof JsonPath.Member m) {
            Json.Obj obj = Json.obj();
            obj.members().add(Map.entry(m.name(), build(steps, i + 1, rule, map)));
            if (random.nextInt(4) == 0) {
                obj.members().add(Map.entry(noiseName(), noiseValue(map)));
            }
            if (i > 0 && !clean && random.nextInt(25) == 0) {
                // an array where this .name expects an object
                Json.Arr arr = Json.arr();
                arr.elements().add(obj);
                return arr;
            }
            return obj;
        }
        if (step instanceof JsonPath.Descendant d) {
            Json.Obj inner = Json.obj();
            inner.members().add(Map.entry(d.name(), build(steps, i + 1, rule, map)));
            Json wrapped = inner;
            int depth = random.nextInt(3);
            for (int k = 0; k < depth; k++) {
                if (random.nextBoolean()) {
                    Json.Arr arr = Json.arr();
                    arr.elements().add(wrapped);
                    wrapped = arr;
                } else {
                    Json.Obj obj = Json.obj();
                    obj.members().add(Map.entry(noiseName(), wrapped));
                    wrapped = obj;
                }
            }
            if (wrapped instanceof Json.Obj obj) {
                return obj;
            }
            Json.Obj holder = Json.obj();
            holder.members().add(Map.entry(noiseName(), wrapped));
            return holder;
        }
        Json.Arr arr = Json.arr();
        if (step instanceof JsonPath.Index x) {
            int size = x.index() + 1 + random.nextInt(2);
            for (int k = 0; k < size; k++) {
                arr.elements().add(k == x.index() ? build(steps, i + 1, rule, map) : filler(steps, i + 1, map));
            }
        } else {
            int size = random.nextInt(4);
            for (int k = 0; k < size; k++) {
                arr.elements().add(build(steps, i + 1, rule, map));
            }
        }
        return objectInsteadOfArray(arr);
    }

    /** Now and then an object where [*] or [N] expects an array: {"k0": first, "k1": second}. */
    private Json objectInsteadOfArray(Json.Arr arr) {
        if (clean || random.nextInt(25) != 0 || arr.elements().isEmpty()) {
            return arr;
        }
        Json.Obj obj = Json.obj();
        for (int k = 0; k < arr.elements().size(); k++) {
            obj.members().add(Map.entry("k" + k, arr.elements().get(k)));
        }
        return obj;
    }

    /** An element of an array that the rule's [N] does not pick: the same shape, no ruled value. */
    private Json filler(List<JsonPath.Step> steps, int i, ForeignMap map) {
        if (i < steps.size() && (steps.get(i) instanceof JsonPath.Member || steps.get(i) instanceof JsonPath.Descendant)) {
            Json.Obj obj = Json.obj();
            obj.members().add(Map.entry(noiseName(), noiseValue(map)));
            return obj;
        }
        return noiseValue(map);
    }

    String noiseName() {
        return "n" + (noise++) + (random.nextInt(6) == 0 ? " \u00e9\"\\/" : "");
    }

    /** A value at no ruled place: anything, identifiers of either side included; it must cross untouched. */
    Json noiseValue(ForeignMap map) {
        return switch (random.nextInt(8)) {
            case 0 -> new Json.Num(List.of("0.1000000000000000055511", "1e3", "-0", "1.50", "12345678901234567890123", "0")
                    .get(random.nextInt(6)));
            case 1 -> new Json.Bool(random.nextBoolean());
            case 2 -> Json.Null.NULL;
            case 3 -> {
                ForeignMap.Concept concept = map.concepts.get(random.nextInt(map.concepts.size()));
                ForeignMap.Row row = concept.rows().get(random.nextInt(concept.rows().size()));
                Map<String, Value> side = row.caller() != null ? row.caller() : row.callee();
                yield side.values().iterator().next().json();
            }
            case 4 -> {
                Json.Arr arr = Json.arr();
                arr.elements().add(new Json.Str("x\u0000y\u2028"));
                arr.elements().add(Json.obj());
                yield arr;
            }
            default -> new Json.Str(Values.text(random, List.of(" ", "\"", "\\", "/", "\t", "漢"), random.nextBoolean()));
        };
    }

    /**
     * What the strict reading of the rules makes of a body: every untranslatable value and
     * shape mismatch (each a reason the message must be refused), and the body as the receiver
     * must get it when there is none.
     */
    static Translation translate(Json body, List<ForeignMap.BodyRule> rules, Direction direction) {
        List<String> refusals = new ArrayList<>();
        Json expected = body;
        for (ForeignMap.BodyRule rule : rules) {
            JsonPath.Reading reading = rule.path().places(body);
            reading.mismatches().forEach(m -> refusals.add("body " + rule.path() + " at " + m));
            for (JsonPath.Place place : reading.places()) {
                checkPlace(place.value(), place.location(), rule, direction, refusals);
            }
        }
        if (refusals.isEmpty()) {
            for (ForeignMap.BodyRule rule : rules) {
                expected = rule.path().replaced(expected,
                        scalar -> rule.rule().translate(direction, Json.text(scalar)).orElseThrow().json());
            }
        }
        return new Translation(refusals, refusals.isEmpty() ? expected : null);
    }

    record Translation(List<String> refusals, Json expected) {
    }

    private static void checkPlace(Json value, String at, ForeignMap.BodyRule rule, Direction direction, List<String> refusals) {
        if (value instanceof Json.Obj) {
            refusals.add("body " + at + ": an object where " + rule.path() + " expects an identifier");
        } else if (value instanceof Json.Arr a) {
            for (int k = 0; k < a.elements().size(); k++) {
                checkPlace(a.elements().get(k), at + "[" + k + "]", rule, direction, refusals);
            }
        } else if (value != Json.Null.NULL && rule.rule().translate(direction, Json.text(value)).isEmpty()) {
            refusals.add("body " + at + ": '" + Json.text(value) + "' has no translation by " + rule.rule().yaml());
        }
    }
}
