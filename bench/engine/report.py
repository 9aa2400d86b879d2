#!/usr/bin/env python3
"""Turns the engine benchmarks' raw results into the Markdown section of docs/BENCHMARKS.md.

Reads JMH's JSON files (the body benchmarks run in several rounds, one file per round),
the document sizes and the table-load numbers that bench/engine.sh collects, adds what
machine and JVM they ran on, and replaces everything between <!-- engine:begin --> and
<!-- engine:end --> in the target file (appending the section when the markers are
missing). Without --write it only prints the section.

Scores pool every measured iteration of every round; ratios are computed per round (both
benchmarks of a ratio ran minutes apart at most) and reported as the median over rounds,
with their range, so that a noisy minute on the shared machine shows instead of hiding.
"""

import argparse
import datetime
import json
import math
import os
import re
import shlex
import statistics
import subprocess
import sys

BEGIN = "<!-- engine:begin -->"
END = "<!-- engine:end -->"
BODY = "dev.dragoman.bench.engine.BodyTranslationBenchmark."
TABLE = "dev.dragoman.bench.engine.TableBenchmark."
BODY_ORDER = ["parseOnly", "tokenCopy", "tree", "dragoman"]
GOAL_PARSE = 0.8
GOAL_TREE = 3.0
# the sparse document (rules reach a tenth of the bytes): skipping must beat reading
GOAL_SPARSE_PARSE = 1.5
SIZES = ["1kb", "100kb", "sparse"]
GOAL_LOAD_SECONDS = 3.0
# Student's t at 0.9995 (two-sided 99.9%, as JMH reports) by degrees of freedom.
T_999 = {1: 636.6, 2: 31.6, 3: 12.92, 4: 8.61, 5: 6.87, 6: 5.96, 7: 5.41, 8: 5.04, 9: 4.78, 10: 4.59,
         11: 4.44, 12: 4.32, 13: 4.22, 14: 4.14, 15: 4.07, 16: 4.01, 17: 3.97, 18: 3.92, 19: 3.88,
         20: 3.85, 25: 3.73, 30: 3.65, 40: 3.55, 60: 3.46, 120: 3.37}


def t999(df):
    keys = [k for k in sorted(T_999) if k <= df]
    return T_999[keys[-1]] if keys else float("nan")


def run(command):
    try:
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        return done.stdout + done.stderr
    except OSError:
        return ""


def machine():
    cpu = "unknown CPU"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    nproc = run(["nproc"]).strip() or str(os.cpu_count())
    free = run(["free", "-g"]).strip("\n")
    memory = ""
    for line in free.splitlines():
        if line.startswith("Mem:"):
            fields = line.split()
            memory = f"{fields[1]} GB RAM ({fields[-1]} GB available at the start)"
    return nproc, cpu, memory, free


def fmt(value, digits=None):
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "n/a"
    if digits is None:
        digits = 0 if abs(value) >= 100 else (1 if abs(value) >= 10 else 2)
    return f"{value:,.{digits}f}"


class Result:
    """One benchmark with one set of parameters, over every round it ran in."""

    def __init__(self):
        self.rounds = []      # per round: mean score
        self.iterations = []  # every measured iteration of every round
        self.allocs = []

    def add(self, r):
        metric = r["primaryMetric"]
        self.rounds.append(metric["score"])
        for fork in metric.get("rawData", []):
            self.iterations.extend(fork)
        alloc = r.get("secondaryMetrics", {}).get("gc.alloc.rate.norm", {}).get("score")
        if alloc is not None:
            self.allocs.append(alloc)

    @property
    def score(self):
        return statistics.fmean(self.iterations) if self.iterations else statistics.fmean(self.rounds)

    @property
    def error(self):
        n = len(self.iterations)
        if n < 2:
            return float("nan")
        return t999(n - 1) * statistics.stdev(self.iterations) / math.sqrt(n)

    @property
    def alloc(self):
        return statistics.fmean(self.allocs) if self.allocs else None

    def error_text(self):
        e = self.error
        if math.isnan(e):
            return "n/a"
        return f"{fmt(e)} ({e / self.score:.0%})"


def ratios(a, b):
    """The per-round ratios a/b (rounds paired in order)."""
    if a is None or b is None:
        return []
    return [x / y for x, y in zip(a.rounds, b.rounds) if y]


def median_text(values, digits=2):
    if not values:
        return "n/a"
    text = f"{statistics.median(values):.{digits}f}x"
    if len(values) > 1:
        text += f" <sub>{min(values):.{digits}f}–{max(values):.{digits}f}</sub>"
    return text


def collect(results):
    body, table = {}, {}
    for r in results:
        name = r["benchmark"]
        if name.startswith(BODY):
            body.setdefault(r["params"]["size"], {}).setdefault(name[len(BODY):], Result()).add(r)
        elif name.startswith(TABLE):
            key = (name[len(TABLE):], r["params"].get("rows"))
            table.setdefault(key, Result()).add(r)
    return body, table


def section(results, documents, table_load, jvm_args, settings, quick, baseline_results=(), baseline_label=None):
    first = results[0] if results else {}
    nproc, cpu, memory, free = machine()
    ergonomic = run(["java", *shlex.split(jvm_args), "-XX:+PrintCommandLineFlags", "-version"]).splitlines()
    ergonomic = next((l.strip() for l in ergonomic if l.strip().startswith("-XX")), "")
    ergonomic = " ".join(f for f in ergonomic.split() if f != "-XX:+PrintCommandLineFlags")
    gc = next((f[len("-XX:+Use"):] for f in ergonomic.split() if re.fullmatch(r"-XX:\+Use\w+GC", f)), None)
    body, table = collect(results)
    base_body, _ = collect(baseline_results)

    out = [BEGIN, "## Engine (translation-rules)", ""]
    out.append(f"Written by `bench/engine.sh{' --quick' if quick else ''}` on "
               f"{datetime.datetime.now().astimezone().strftime('%Y-%m-%d %H:%M %Z')}; do not edit by hand, run it again.")
    if quick:
        out.append("")
        out.append("**Quick smoke run: too few iterations to trust.**")
    out.append("")
    out.append(f"- Machine: {nproc} CPUs (`nproc`), {cpu}, {memory}; shared with other work.")
    out.append(f"- JVM: {first.get('vmName', '?')} {first.get('vmVersion', '?')}; flags `{jvm_args}`"
               + (f", {gc} chosen by ergonomics" if gc else "") + " (all flags below).")
    out.append(f"- JMH {first.get('jmhVersion', '?')}, 1 thread, throughput: {settings}. "
               "± is the 99.9% confidence half-interval over every measured iteration (as JMH computes it), "
               "with its share of the score; B/op is allocation per operation (`-prof gc`).")
    out.append("")
    out.append("<details><summary><code>free -g</code> and the JVM's flags</summary>")
    out.append("")
    out.append("```")
    out.append(free)
    out.append("")
    out.append(ergonomic)
    out.append("```")
    out.append("")
    out.append("</details>")
    out.append("")

    out.append("### Body translation")
    out.append("")
    out.append("The same order-like document four ways: `parseOnly` is Jackson's tokenizer alone (the limit), "
               "`tokenCopy` parses and re-generates every token (a re-generating streaming translator's floor), "
               "`tree` reads a tree, replaces the identifiers and writes it (the common approach), "
               "`dragoman` is `DirectionTranslator.body`. MB/s = ops/s × document size (MB = 10^6 bytes). "
               "Ratios are the median over the rounds, with their range in small print. The `sparse` document "
               "is about 90 KB where the rules reach a tenth of the bytes (`game`, 50 `items`, 40 `related`; no "
               "`$..gameNames` rule), the rest being shipments and notes no rule reaches: the case for skipping.")
    if base_body:
        out.append("")
        out.append(f"**Before and after, same session:** in every round the baseline jar ({baseline_label}) ran "
                   "`parseOnly`, `tree` and `dragoman` right after (or before, alternating) this one; its rows "
                   "are marked *baseline*, their ratios taken against the baseline jar's own `parseOnly` and `tree` "
                   "of the same round, and *after / before* is this engine's throughput over the baseline "
                   "engine's in the same round.")
    out.append("")
    goal_lines = []
    for size in SIZES:
        rows = body.get(size)
        if not rows:
            continue
        doc = documents.get(size, {})
        nbytes = doc.get("bytes")
        parse, tree = rows.get("parseOnly"), rows.get("tree")
        out.append(f"#### {size} document ({fmt(nbytes, 0)} bytes, {doc.get('identifiers', '?')} identifiers)")
        out.append("")
        out.append("| benchmark | ops/s | ± error | MB/s | vs parseOnly | vs tree | B/op |")
        out.append("|---|---:|---:|---:|---:|---:|---:|")
        for name in BODY_ORDER:
            e = rows.get(name)
            if not e:
                continue
            mbs = e.score * nbytes / 1e6 if nbytes else None
            label = f"**{name}**" if name == "dragoman" else name
            out.append(f"| {label} | {fmt(e.score)} | {e.error_text()} | {fmt(mbs, 1)} | "
                       f"{median_text(ratios(e, parse))} | {median_text(ratios(e, tree))} | {fmt(e.alloc, 0)} |")
        base = base_body.get(size, {})
        before = base.get("dragoman")
        if before:
            mbs = before.score * nbytes / 1e6 if nbytes else None
            out.append(f"| *dragoman, baseline* | {fmt(before.score)} | {before.error_text()} | {fmt(mbs, 1)} | "
                       f"{median_text(ratios(before, base.get('parseOnly')))} | "
                       f"{median_text(ratios(before, base.get('tree')))} | {fmt(before.alloc, 0)} |")
        out.append("")
        if before and rows.get("dragoman"):
            speedup = ratios(rows.get("dragoman"), before)
            out.append(f"After / before: {median_text(speedup)} the baseline engine's throughput "
                       f"(per-round ratios: {', '.join(f'{r:.2f}' for r in speedup)}).")
            out.append("")
        vs_parse, vs_tree = ratios(rows.get("dragoman"), parse), ratios(rows.get("dragoman"), tree)
        if vs_parse and vs_tree:
            p, t = statistics.median(vs_parse), statistics.median(vs_tree)
            if size == "sparse":
                parse_ok = p >= GOAL_SPARSE_PARSE
                goal_lines.append(f"- sparse: {p:.2f}x parse-only (min {min(vs_parse):.2f}, max {max(vs_parse):.2f}; "
                                  f"goal ≥ {GOAL_SPARSE_PARSE}x), {t:.2f}x tree: **{'met' if parse_ok else 'not met'}**")
                continue
            parse_ok, tree_ok = p >= GOAL_PARSE, t >= GOAL_TREE
            goal_lines.append(f"- {size}: {p:.2f}x parse-only ({'met' if parse_ok else 'not met'}), "
                              f"{t:.2f}x tree ({'met' if tree_ok else 'not met'}): "
                              f"**{'met' if parse_ok and tree_ok else 'not met'}**")
    if goal_lines:
        out.append(f"Goals: dragoman ≥ {GOAL_PARSE}x parse-only and ≥ {GOAL_TREE:g}x tree on the 1kb and 100kb "
                   f"documents, ≥ {GOAL_SPARSE_PARSE}x parse-only on the sparse one.")
        out.append("")
        out.extend(goal_lines)
        out.append("")

    if table_load:
        out.append("### Table load")
        out.append("")
        out.append(f"`ContextMaps.load` of a directory whose concept has a {table_load['rows']:,}-row CSV "
                   "(`game-dept.code,game-dept.name,web-support.code,web-support.name`), "
                   f"{table_load['runs']} loads in one JVM (`TableLoadMeasurement`; the first is the cold one a "
                   "starting gateway pays); heap per row = used heap after full GCs with the model held, "
                   "minus before, over rows.")
        out.append("")
        out.append("| rows | CSV | loads | min (s) | median (s) | max (s) | first (s) | heap per row (B) |")
        out.append("|---:|---:|---:|---:|---:|---:|---:|---:|")
        out.append(f"| {table_load['rows']:,} | {table_load['csvBytes'] / 1e6:.1f} MB | {table_load['runs']} | "
                   f"{table_load['min']:.2f} | {table_load['median']:.2f} | {table_load['max']:.2f} | "
                   f"{table_load['seconds'][0]:.2f} | {table_load['heapPerRow']:.0f} |")
        out.append("")
        met = table_load["max"] < GOAL_LOAD_SECONDS
        out.append(f"Goal: a million rows load in < {GOAL_LOAD_SECONDS:g} s: "
                   f"**{'met' if met else 'not met'}** (slowest of {table_load['runs']}: {table_load['max']:.2f} s).")
        out.append("")

    if table:
        rows = next(iter(table))[1]
        out.append("### Lookups")
        out.append("")
        out.append(f"`Column.find` + `textAt` on a {int(rows):,}-row table loaded from CSV, keys in random order "
                   "over the whole table (most probes miss the CPU caches), about 10% absent (`TableBenchmark`).")
        out.append("")
        out.append("| column | lookups/s | ± error | ns/lookup | B/op |")
        out.append("|---|---:|---:|---:|---:|")
        for name, label in [("code", "code (`1`..`1000000`)"), ("name", "name (`ws_game_1`..)")]:
            e = table.get((name, rows))
            if e:
                out.append(f"| {label} | {fmt(e.score)} | {e.error_text()} | {fmt(1e9 / e.score, 0)} | {fmt(e.alloc, 0)} |")
        out.append("")
    out.append(END)
    return "\n".join(out)


def replace(path, text):
    try:
        with open(path) as f:
            current = f.read()
    except FileNotFoundError:
        current = "# Benchmarks\n"
    pattern = re.compile(re.escape(BEGIN) + ".*?" + re.escape(END), re.S)
    if pattern.search(current):
        updated = pattern.sub(lambda _: text, current, count=1)
    else:
        updated = current.rstrip("\n") + "\n\n" + text + "\n"
    with open(path, "w") as f:
        f.write(updated)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--jmh", required=True, nargs="+", help="JMH JSON result files, body rounds in order")
    parser.add_argument("--documents", required=True)
    parser.add_argument("--table-load")
    parser.add_argument("--jvm-args", default="")
    parser.add_argument("--settings", default="")
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--baseline-jmh", nargs="*", default=[], help="the baseline jar's JMH JSON files, rounds in order")
    parser.add_argument("--baseline-label", help="what the baseline is, for the text")
    parser.add_argument("--write", help="the Markdown file whose engine section to replace")
    args = parser.parse_args()
    results = []
    for path in args.jmh:
        if os.path.exists(path):
            with open(path) as f:
                results.extend(json.load(f))
    with open(args.documents) as f:
        documents = json.load(f)
    table_load = None
    if args.table_load and os.path.exists(args.table_load):
        with open(args.table_load) as f:
            table_load = json.load(f)
    baseline_results = []
    for path in args.baseline_jmh:
        if os.path.exists(path):
            with open(path) as f:
                baseline_results.extend(json.load(f))
    text = section(results, documents, table_load, args.jvm_args, args.settings, args.quick,
                   baseline_results, args.baseline_label)
    if args.write:
        replace(args.write, text)
        print(f"wrote the engine section of {args.write}", file=sys.stderr)
    print(text)


if __name__ == "__main__":
    main()
