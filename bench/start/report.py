"""Turns bench/start/run.sh's times.tsv (round, variant, wall s, CPU s) into the Markdown section."""
import argparse
import statistics
from collections import defaultdict

LABELS = {
    "jar17": "`java -jar gateway.jar` (Java 17)",
    "extracted17": "extracted (`-Djarmode=tools extract`), Java 17",
    "cds17": "extracted + CDS archive (`-XX:SharedArchiveFile`), Java 17",
    "jar25": "`java -jar gateway.jar` (Temurin 25)",
    "aot25": "extracted + AOT cache (`-XX:AOTCache`), Temurin 25",
}

p = argparse.ArgumentParser()
p.add_argument("times")
p.add_argument("--jvm17", default="")
p.add_argument("--jvm25", default="")
p.add_argument("--machine", default="")
p.add_argument("--load", default="")
p.add_argument("--jar", default="")
p.add_argument("--rounds", default="")
a = p.parse_args()

wall = defaultdict(dict)
cpu = defaultdict(dict)
for line in open(a.times):
    r, v, w, c = line.split()
    wall[v][int(r)] = float(w)
    cpu[v][int(r)] = float(c)
variants = [v for v in LABELS if v in wall]


def ratios(v, base):
    return [wall[v][r] / wall[base][r] for r in wall[v] if r in wall[base]]


def mmm(xs, fmt="{:.2f}"):
    return f"{fmt.format(min(xs))} / **{fmt.format(statistics.median(xs))}** / {fmt.format(max(xs))}"


out = ["## Start (gateway)", "",
       "Written by `bench/start/run.sh` (do not edit by hand, run it again):", "",
       f"- {a.rounds} interleaved round(s): every variant starts once per round; load average {a.load} at the end.",
       f"- Machine: {a.machine}; shared with other work.",
       f"- `{a.jar}` serving `context-maps/` (the example maps), an empty data directory per start, JVM defaults;"
       f" Java 17 = {a.jvm17}" + (f", Temurin 25 = {a.jvm25}" if a.jvm25 else "") + ".",
       "- Ready = from launching `java` to the first healthy answer of `/actuator/health` (polled every 50 ms);"
       " CPU = user + system seconds of the JVM at that moment.", "",
       "min / **median** / max over the rounds; ratios are taken within a round:", "",
       "| start | ready (s) | CPU (s) | ready vs `java -jar` (Java 17) |",
       "|---|---:|---:|---:|"]
for v in variants:
    walls = list(wall[v].values())
    cpus = list(cpu[v].values())
    out.append(f"| {LABELS[v]} | {mmm(walls)} | {mmm(cpus, '{:.1f}')} | {mmm(ratios(v, 'jar17'))} |")
if "jar25" in wall and "aot25" in wall:
    out += ["", f"AOT cache against the same JDK without it (Temurin 25): {mmm(ratios('aot25', 'jar25'))}."]
out += ["", "<details><summary>seconds to ready of every round</summary>", "",
        "| start | " + " | ".join(f"round {r}" for r in sorted(wall["jar17"])) + " |",
        "|---|" + "---:|" * len(wall["jar17"])]
for v in variants:
    out.append(f"| {v} | " + " | ".join(f"{wall[v].get(r, float('nan')):.2f}" for r in sorted(wall["jar17"])) + " |")
out += ["", "</details>"]
print("\n".join(out))
