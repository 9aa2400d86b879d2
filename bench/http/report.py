#!/usr/bin/env python3
"""Turns the wrk outputs of bench/http/suite.sh (DIR/r<round>-<size>-<target>.txt) into the HTTP
section of docs/BENCHMARKS.md: median rps, p50 and p99 per size and target, and the ratios
translating/plain, translating/lua (the gateway against the Lua peer), plain/nginx (Spring
Cloud Gateway's per-request cost against nginx's), plain/direct and nginx/direct as min /
median / max over rounds, each ratio taken within one round. With --write FILE it replaces what lies between
<!-- http:begin --> and <!-- http:end --> in FILE (inserting the section before '## HTTP'
or at the end when the markers are missing); it always prints the section."""
import argparse, glob, os, re, statistics, sys

BEGIN, END = "<!-- http:begin -->", "<!-- http:end -->"
SIZES = ["1k", "10k", "100k"]
TARGETS = ["direct", "nginx", "lua", "plain", "translating"]
RATIOS = [("translating", "plain"), ("translating", "lua"), ("plain", "nginx"), ("plain", "direct"), ("nginx", "direct"),
          ("lua", "nginx")]
UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def parse(path):
    text = open(path).read()
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
    lat = {}
    for pct, value, unit in re.findall(r"^\s+(50|99)%\s+([\d.]+)(us|ms|s)\s*$", text, re.M):
        lat[pct] = float(value) * UNITS[unit]
    errors = []
    m = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    if m:
        errors.append(f"{m.group(1)} non-2xx")
    m = re.search(r"Socket errors: (.*)", text)
    if m:
        errors.append("socket errors " + m.group(1).strip())
    return {"rps": rps, "p50": lat["50"], "p99": lat["99"], "errors": errors}


def ms(v):
    return f"{v:.2f}" if v < 10 else f"{v:.1f}" if v < 100 else f"{v:.0f}"


def spread(values):
    """A ratio over rounds: min / **median** / max."""
    lo, mid, hi = min(values), statistics.median(values), max(values)
    return f"{lo:.2f} / **{mid:.2f}** / {hi:.2f}"


def target_rounds(directory):
    """The wrk outputs DIR/r<round>-<target>.txt of a run of interleaved rounds (bench/common.sh,
    interleaved_rounds), parsed: {(round, target): parse(...)} and the sorted rounds."""
    runs = {}
    for path in glob.glob(os.path.join(directory, "r*-*.txt")):
        r, target = re.match(r"r(\d+)-(.+)\.txt", os.path.basename(path)).groups()
        runs[(int(r), target)] = parse(path)
    return runs, sorted({r for r, _ in runs})


def section_head(begin, title, script, context):
    """The first lines of a generated section: its marker, its heading, who writes it and the
    run's context (a file of Markdown lines: date, machine, JVM)."""
    return [begin, f"## {title}", "", f"Written by `{script}` (do not edit by hand, run it again):", "",
            *open(context).read().rstrip().splitlines(), ""]


def replace_section(path, begin, end, section, before=None):
    """Puts section between the markers in the file at path; without markers, before the
    heading `before` when given and present, else at the end."""
    doc = open(path).read()
    if begin in doc and end in doc:
        doc = doc[:doc.index(begin)] + section + doc[doc.index(end) + len(end):]
    elif before and before in doc:
        i = doc.index(before) + 1
        doc = doc[:i] + section + "\n\n" + doc[i:]
    else:
        doc = doc.rstrip() + "\n\n" + section + "\n"
    open(path, "w").write(doc)
    print(f"wrote {begin} .. {end} in {path}", file=sys.stderr)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("--rounds", type=int, required=True)
    ap.add_argument("--seconds", type=int, required=True)
    ap.add_argument("--context", required=True, help="a file of Markdown lines: date, machine, JVM")
    ap.add_argument("--write")
    a = ap.parse_args()
    runs = {}
    for path in glob.glob(os.path.join(a.dir, "r*-*-*.txt")):
        r, size, target = re.match(r"r(\d+)-(\w+)-(\w+)\.txt", os.path.basename(path)).groups()
        runs[(int(r), size, target)] = parse(path)
    rounds = sorted({r for r, _, _ in runs})
    out = section_head(BEGIN, "HTTP (gateway)", "bench/http/suite.sh", a.context)
    out.append("Medians over the rounds (latency in ms):")
    out.append("")
    out.append("| size | target | req/s | p50 | p99 |")
    out.append("|---|---|---:|---:|---:|")
    errors = []
    for size in SIZES:
        for target in TARGETS:
            rs = [runs[(r, size, target)] for r in rounds if (r, size, target) in runs]
            for r in rounds:
                for e in runs.get((r, size, target), {"errors": []})["errors"]:
                    errors.append(f"round {r}, {size}, {target}: {e}")
            med = lambda k: statistics.median(x[k] for x in rs)
            name = f"**{target}**" if target == "translating" else target
            out.append(f"| {size} | {name} | {med('rps'):,.0f} | {ms(med('p50'))} | {ms(med('p99'))} |")
    out.append("")
    out.append("Ratios of req/s, each within one round, min / **median** / max over the rounds:")
    out.append("")
    out.append("| size | " + " | ".join(f"{num}/{den}" for num, den in RATIOS) + " |")
    out.append("|---|" + "---:|" * len(RATIOS))
    for size in SIZES:
        cells = []
        for num, den in RATIOS:
            ratios = [runs[(r, size, num)]["rps"] / runs[(r, size, den)]["rps"] for r in rounds]
            cells.append(f"{min(ratios):.2f} / **{statistics.median(ratios):.2f}** / {max(ratios):.2f}")
        out.append(f"| {size} | " + " | ".join(cells) + " |")
    out.append("")
    out.append("<details><summary>req/s of every round</summary>")
    out.append("")
    out.append("| size | target | " + " | ".join(f"round {r}" for r in rounds) + " |")
    out.append("|---|---|" + "---:|" * len(rounds))
    for size in SIZES:
        for target in TARGETS:
            out.append(f"| {size} | {target} | " + " | ".join(f"{runs[(r, size, target)]['rps']:,.0f}" for r in rounds) + " |")
    out.append("")
    out.append("</details>")
    out.append("")
    if errors:
        out.append("**Errors reported by wrk** (these rounds are suspect): " + "; ".join(errors))
        out.append("")
    out.append(END)
    section = "\n".join(out)
    print(section)
    if a.write:
        replace_section(a.write, BEGIN, END, section, before="\n## HTTP")
    if errors:
        print("wrk reported errors: " + "; ".join(errors), file=sys.stderr)


if __name__ == "__main__":
    main()
