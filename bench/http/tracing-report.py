#!/usr/bin/env python3
"""Turns the wrk outputs of bench/http/tracing.sh (DIR/r<round>-<target>.txt, DIR/targets.txt)
into the tracing section of docs/BENCHMARKS.md: per target the median req/s, p50 and p99, and the
ratios against tracing off and against the upstream called directly, each taken within one
round, as min / median / max over rounds. With --write FILE it replaces what lies between
<!-- tracing:begin --> and <!-- tracing:end --> in FILE (appending the section when the markers
are missing); it always prints the section."""
import argparse, os, statistics, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from report import ms, replace_section, section_head, spread, target_rounds  # the HTTP suite's wrk parsing and section writing

BEGIN, END = "<!-- tracing:begin -->", "<!-- tracing:end -->"
OFF = "off"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("--context", required=True)
    ap.add_argument("--write")
    a = ap.parse_args()
    targets = [line.rstrip("\n").split("|") for line in open(os.path.join(a.dir, "targets.txt")) if line.strip()]
    runs, rounds = target_rounds(a.dir)
    out = section_head(BEGIN, "Tracing on and off (issue 17)", "bench/http/tracing.sh", a.context)
    out.append("One gateway jar started twice, tracing off and as it ships; ratios of req/s within a round,")
    out.append("min / **median** / max over rounds (the line to read: `on` against `off`):")
    out.append("")
    out.append("| target | what | req/s | p50 ms | p99 ms | vs off | vs direct |")
    out.append("|---|---|---:|---:|---:|---:|---:|")

    def row(name, what):
        rps = [runs[(r, name)]["rps"] for r in rounds]
        vs_off = spread([runs[(r, name)]["rps"] / runs[(r, OFF)]["rps"] for r in rounds]) if name != "direct" else ""
        vs_direct = spread([runs[(r, name)]["rps"] / runs[(r, "direct")]["rps"] for r in rounds]) if name != "direct" else ""
        out.append(f"| {name} | {what} | {statistics.median(rps):,.0f} | {ms(statistics.median(runs[(r, name)]['p50'] for r in rounds))} | "
                   f"{ms(statistics.median(runs[(r, name)]['p99'] for r in rounds))} | {vs_off} | {vs_direct} |")

    row("direct", "the upstream itself")
    errors = []
    for name, _, _, what in targets:
        row(name, what)
        for r in rounds:
            errors += [f"round {r} {name}: {e}" for e in runs[(r, name)]["errors"]]
    out.append("")
    if errors:
        out.append("Errors seen: " + "; ".join(errors) + ".")
        out.append("")
    out.append("<details><summary>req/s of every round</summary>")
    out.append("")
    out.append("| target | " + " | ".join(f"round {r}" for r in rounds) + " |")
    out.append("|---|" + "---:|" * len(rounds))
    for name in ["direct"] + [t[0] for t in targets]:
        out.append(f"| {name} | " + " | ".join(f"{runs[(r, name)]['rps']:,.0f}" for r in rounds) + " |")
    out.append("")
    out.append("</details>")
    out.append("")
    out.append(END)
    section = "\n".join(out)
    print(section)
    if a.write:
        replace_section(a.write, BEGIN, END, section)


if __name__ == "__main__":
    main()
