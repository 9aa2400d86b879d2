package dev.dragoman.gateway.boundary;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;

/**
 * A rule's body path in the SPEC's JSONPath subset, and the two readings the fuzzer needs.
 * {@link #places} is the reading the gateway must implement (SPEC section 2 and issue 12: {@code [*]}
 * takes array elements only, any other shape where the path expects an array or an object is a
 * mismatch that {@code on-unknown: reject} refuses). {@link #suspects} is a deliberately lenient
 * reading for the upstream's side: it also looks through objects where an array was expected
 * and arrays where an object was, because an upstream that meets such a message may well read
 * the identifier there.
 */
record JsonPath(List<Step> steps, String text) {

    sealed interface Step {
    }

    record Member(String name) implements Step {
    }

    record Index(int index) implements Step {
    }

    record Wildcard() implements Step {
    }

    record Descendant(String name) implements Step {
    }

    static JsonPath of(List<Step> steps, Random random) {
        StringBuilder text = new StringBuilder("$");
        for (Step step : steps) {
            if (step instanceof Member m) {
                text.append(m.name().matches("[A-Za-z_][A-Za-z0-9_-]*") && random.nextInt(3) > 0 ? "." + m.name() : "['" + m.name() + "']");
            } else if (step instanceof Index i) {
                text.append('[').append(i.index()).append(']');
            } else if (step instanceof Wildcard) {
                text.append("[*]");
            } else if (step instanceof Descendant d) {
                text.append("..").append(d.name());
            }
        }
        return new JsonPath(List.copyOf(steps), text.toString());
    }

    /** A value the path reaches, with where it is, for messages. */
    record Place(String location, Json value) {
    }

    /** What the strict reading found: the places, and the shape mismatches on the way. */
    record Reading(List<Place> places, List<String> mismatches) {
    }

    Reading places(Json document) {
        Reading reading = new Reading(new ArrayList<>(), new ArrayList<>());
        walk(document, 0, "$", reading, false);
        return reading;
    }

    /** Every scalar an upstream could take for an identifier at this path, reading leniently. */
    List<Place> suspects(Json document) {
        Reading reading = new Reading(new ArrayList<>(), new ArrayList<>());
        walk(document, 0, "$", reading, true);
        List<Place> scalars = new ArrayList<>();
        reading.places().forEach(place -> scalarsUnder(place.value(), place.location(), scalars));
        return scalars;
    }

    private void walk(Json node, int i, String at, Reading reading, boolean lenient) {
        if (i == steps.size()) {
            reading.places().add(new Place(at, node));
            return;
        }
        Step step = steps.get(i);
        if (step instanceof Member m) {
            if (node instanceof Json.Obj obj) {
                for (Map.Entry<String, Json> member : obj.members()) {
                    if (member.getKey().equals(m.name())) {
                        walk(member.getValue(), i + 1, at + "." + m.name(), reading, lenient);
                    }
                }
            } else if (node instanceof Json.Arr arr) {
                mismatch(reading, at, "an array where ." + m.name() + " expects an object");
                if (lenient) {
                    for (int k = 0; k < arr.elements().size(); k++) {
                        walk(arr.elements().get(k), i, at + "[" + k + "]", reading, true);
                    }
                }
            }
        } else if (step instanceof Index x) {
            if (node instanceof Json.Arr arr) {
                if (x.index() < arr.elements().size()) {
                    walk(arr.elements().get(x.index()), i + 1, at + "[" + x.index() + "]", reading, lenient);
                }
            } else if (node instanceof Json.Obj) {
                mismatch(reading, at, "an object where [" + x.index() + "] expects an array");
            }
        } else if (step instanceof Wildcard) {
            if (node instanceof Json.Arr arr) {
                for (int k = 0; k < arr.elements().size(); k++) {
                    walk(arr.elements().get(k), i + 1, at + "[" + k + "]", reading, lenient);
                }
            } else if (node instanceof Json.Obj obj) {
                mismatch(reading, at, "an object where [*] expects an array");
                if (lenient) {
                    for (Map.Entry<String, Json> member : obj.members()) {
                        walk(member.getValue(), i + 1, at + "." + member.getKey(), reading, true);
                    }
                }
            }
        } else if (step instanceof Descendant d) {
            descend(node, d.name(), i, at, reading, lenient);
        }
    }

    private void descend(Json node, String name, int i, String at, Reading reading, boolean lenient) {
        if (node instanceof Json.Obj obj) {
            for (Map.Entry<String, Json> member : obj.members()) {
                String where = at + "." + member.getKey();
                if (member.getKey().equals(name)) {
                    walk(member.getValue(), i + 1, where, reading, lenient);
                }
                descend(member.getValue(), name, i, where, reading, lenient);
            }
        } else if (node instanceof Json.Arr arr) {
            for (int k = 0; k < arr.elements().size(); k++) {
                descend(arr.elements().get(k), name, i, at + "[" + k + "]", reading, lenient);
            }
        }
    }

    private static void mismatch(Reading reading, String at, String what) {
        reading.mismatches().add(at + ": " + what);
    }

    private static void scalarsUnder(Json value, String at, List<Place> out) {
        if (value instanceof Json.Arr arr) {
            for (int k = 0; k < arr.elements().size(); k++) {
                scalarsUnder(arr.elements().get(k), at + "[" + k + "]", out);
            }
        } else if (value instanceof Json.Obj obj) {
            obj.members().forEach(m -> scalarsUnder(m.getValue(), at + "." + m.getKey(), out));
        } else if (value != Json.Null.NULL) {
            out.add(new Place(at, value));
        }
    }

    /**
     * The document with every value the strict reading reaches replaced: a scalar by
     * {@code translate}, each scalar of an array at any depth likewise, {@code null} kept.
     * Only called on documents without mismatches and with every value translatable.
     */
    Json replaced(Json node, UnaryOperator<Json> translate) {
        return replace(node, 0, translate);
    }

    private Json replace(Json node, int i, UnaryOperator<Json> translate) {
        if (i == steps.size()) {
            return translateValue(node, translate);
        }
        Step step = steps.get(i);
        if (step instanceof Member m) {
            return node instanceof Json.Obj obj ? mapMembers(obj, (k, v) -> k.equals(m.name()) ? replace(v, i + 1, translate) : v) : node;
        }
        if (step instanceof Index x) {
            if (node instanceof Json.Arr arr && x.index() < arr.elements().size()) {
                List<Json> copy = new ArrayList<>(arr.elements());
                copy.set(x.index(), replace(copy.get(x.index()), i + 1, translate));
                return new Json.Arr(copy);
            }
            return node;
        }
        if (step instanceof Wildcard) {
            return node instanceof Json.Arr arr ? new Json.Arr(arr.elements().stream().map(e -> replace(e, i + 1, translate)).toList()) : node;
        }
        return replaceDescendants(node, ((Descendant) step).name(), i, translate);
    }

    private Json replaceDescendants(Json node, String name, int i, UnaryOperator<Json> translate) {
        if (node instanceof Json.Obj obj) {
            return mapMembers(obj, (k, v) -> {
                Json inner = replaceDescendants(v, name, i, translate);
                return k.equals(name) ? replace(inner, i + 1, translate) : inner;
            });
        }
        if (node instanceof Json.Arr arr) {
            return new Json.Arr(arr.elements().stream().map(e -> replaceDescendants(e, name, i, translate)).toList());
        }
        return node;
    }

    private static Json translateValue(Json value, UnaryOperator<Json> translate) {
        if (value instanceof Json.Arr arr) {
            return new Json.Arr(arr.elements().stream().map(e -> translateValue(e, translate)).toList());
        }
        return Json.isScalar(value) ? translate.apply(value) : value;
    }

    private static Json mapMembers(Json.Obj obj, MemberMapper mapper) {
        List<Map.Entry<String, Json>> members = new ArrayList<>();
        for (Map.Entry<String, Json> member : obj.members()) {
            members.add(Map.entry(member.getKey(), mapper.map(member.getKey(), member.getValue())));
        }
        return new Json.Obj(members);
    }

    @FunctionalInterface
    private interface MemberMapper {
        Json map(String name, Json value);
    }

    @Override
    public String toString() {
        return text;
    }
}
