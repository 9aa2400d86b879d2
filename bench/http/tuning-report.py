#!/usr/bin/env python3
"""Turns the wrk outputs of bench/http/tuning.sh (DIR/r<round>-<target>.txt, DIR/steps.txt) into
the tuning section of docs/BENCHMARKS.md: per gateway the median req/s, p50 and p99, and the
ratios against the untuned gateway, against the step before, and against the upstream called
directly, each taken within one round, as min / median / max over rounds. With --write FILE it
replaces what lies between <!-- tuning:begin --> and <!-- tuning:end --> in FILE (appending
the section when the markers are missing); it always prints the section."""
import argparse, os, statistics, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from report import ms, replace_section, section_head, spread, target_rounds  # the HTTP suite's wrk parsing and section writing

BEGIN, END = "<!-- tuning:begin -->", "<!-- tuning:end -->"
SHIPPED = "shipped"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("--context", required=True)
    ap.add_argument("--write")
    a = ap.parse_args()
    steps = [line.rstrip("\n").split("|") for line in open(os.path.join(a.dir, "steps.txt")) if line.strip()]
    runs, rounds = target_rounds(a.dir)
    names = [s[0] for s in steps]
    out = section_head(BEGIN, "Tuning the plain route", "bench/http/tuning.sh", a.context)
    out.append("Each gateway differs from the row above it by one change up to `shipped`; the rows after it are")
    out.append("experiments on top of `shipped`, each alone. Ratios of req/s within a round, min / **median** / max:")
    out.append("")
    out.append("| gateway | change | req/s | p50 ms | p99 ms | vs untuned | vs the step before | vs direct |")
    out.append("|---|---|---:|---:|---:|---:|---:|---:|")
    direct = [runs[(r, "direct")]["rps"] for r in rounds]
    out.append(f"| direct | the upstream itself | {statistics.median(direct):,.0f} | "
               f"{ms(statistics.median(runs[(r, 'direct')]['p50'] for r in rounds))} | "
               f"{ms(statistics.median(runs[(r, 'direct')]['p99'] for r in rounds))} | | | |")
    errors = []
    for i, (name, flags, args, change) in enumerate(steps):
        rps = [runs[(r, name)]["rps"] for r in rounds]
        before = names[i - 1] if 0 < i <= names.index(SHIPPED) else SHIPPED if i > names.index(SHIPPED) else None
        vs_untuned = spread([runs[(r, name)]["rps"] / runs[(r, names[0])]["rps"] for r in rounds])
        vs_before = spread([runs[(r, name)]["rps"] / runs[(r, before)]["rps"] for r in rounds]) + f" <sub>vs {before}</sub>" if before else ""
        vs_direct = spread([runs[(r, name)]["rps"] / runs[(r, "direct")]["rps"] for r in rounds])
        setting = " ".join(x for x in (flags, args) if x)
        label = f"{change}" + (f" (`{setting}`)" if setting and name not in (names[0], SHIPPED) else "")
        out.append(f"| {'**' + name + '**' if name == SHIPPED else name} | {label} | {statistics.median(rps):,.0f} | "
                   f"{ms(statistics.median(runs[(r, name)]['p50'] for r in rounds))} | "
                   f"{ms(statistics.median(runs[(r, name)]['p99'] for r in rounds))} | {vs_untuned} | {vs_before} | {vs_direct} |")
        for r in rounds:
            errors += [f"round {r} {name}: {e}" for e in runs[(r, name)]["errors"]]
    out.append("")
    if errors:
        out.append("Errors seen: " + "; ".join(errors) + ".")
        out.append("")
    out.append("<details><summary>req/s of every round</summary>")
    out.append("")
    out.append("| gateway | " + " | ".join(f"round {r}" for r in rounds) + " |")
    out.append("|---|" + "---:|" * len(rounds))
    for name in ["direct"] + names:
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
