#!/usr/bin/env python3
"""Turns the outputs of bench/memory.sh (DIR/load-<variant>.json, DIR/table-<variant>.json) into
the memory section of docs/BENCHMARKS.md. With --write FILE it replaces what lies between
<!-- memory:begin --> and <!-- memory:end --> in FILE (inserting the section before '## Events'
when the markers are missing); it always prints the section."""
import argparse, json, os, sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "http"))
from report import replace_section  # the HTTP report's section writing

BEGIN, END = "<!-- memory:begin -->", "<!-- memory:end -->"


def mb(kb):
    return f"{kb / 1024:,.0f}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("--rows", type=int, required=True)
    ap.add_argument("--context", required=True)
    ap.add_argument("--write")
    a = ap.parse_args()
    load = [json.load(open(os.path.join(a.dir, f"load-{v}.json"))) for v in ("suite-heap", "default-heap")]
    small, table = (json.load(open(os.path.join(a.dir, f"table-{v}.json"))) for v in ("small", "table"))
    out = [BEGIN, "## Memory (gateway)", "", "Written by `bench/memory.sh` (do not edit by hand, run it again):", ""]
    out += open(a.context).read().rstrip().splitlines()
    out += ["", "### RSS under load", "", "MB (MiB); one run of each:", ""]
    out.append("| JVM heap flags | startup (s, wall / CPU) | RSS idle | heap after GC, idle | RSS after translating load | peak RSS | RSS at the end | heap after GC, end | translating req/s | events accepted/s |")
    out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in load:
        out.append(f"| `{r['flags'] or '(default)'}` | {r['startup_s']:.1f} / {r['startup_cpu_s']:.1f} | {mb(r['idle_rss_kb'])} | {mb(r['idle_heap_kb'])} | "
                   f"{mb(r['after_http_rss_kb'])} | {mb(r['peak_rss_kb'])} | {mb(r['end_rss_kb'])} | {mb(r['end_heap_kb'])} | "
                   f"{r['http_rps']:,.0f} | {r['events_rps']:,.0f} |")
    out += ["", "<details><summary>all JVM flags</summary>", ""]
    for r in load:
        out.append(f"- `{r['flags'] or '(default)'}`: `{r['all_flags']}`")
    out += ["", "</details>", ""]
    out += [f"### A {a.rows:,}-row table", ""]
    out.append(f"The suite's map with its concept's entries in a CSV ({table['csv_bytes'] / 1e6:.1f} MB) against the same map "
               f"with 4 entries, both at `{small['flags']}`; MB (MiB), one start each:")
    out.append("")
    out.append("| map | entries | startup (s, wall) | startup (s, CPU) | heap after GC | RSS | RSS after GC |")
    out.append("|---|---:|---:|---:|---:|---:|---:|")
    for name, r in (("suite, 4 entries", small), (f"suite, {a.rows:,}-row CSV", table)):
        out.append(f"| {name} | {r['entries']:,} | {r['startup_s']:.1f} | {r['startup_cpu_s']:.1f} | {mb(r['heap_kb'])} | {mb(r['rss_kb'])} | {mb(r['rss_after_gc_kb'])} |")
    rows = table["entries"] - small["entries"]
    heap = (table["heap_kb"] - small["heap_kb"]) * 1024
    rss = (table["rss_after_gc_kb"] - small["rss_after_gc_kb"]) * 1024
    out.append(f"| **difference** | {rows:,} | {table['startup_s'] - small['startup_s']:+.1f} | {table['startup_cpu_s'] - small['startup_cpu_s']:+.1f} | {heap / 2**20:+,.0f} | | {rss / 2**20:+,.0f} |")
    out.append("")
    out.append(f"Per row: **{heap / rows:,.0f} B of heap** after GC, {rss / rows:,.0f} B of RSS, "
               f"{(table['startup_cpu_s'] - small['startup_cpu_s']) / rows * 1e6:,.1f} µs of startup CPU ({(table['startup_s'] - small['startup_s']) / rows * 1e6:,.1f} µs of wall time).")
    out += ["", END]
    section = "\n".join(out)
    print(section)
    if a.write:
        replace_section(a.write, BEGIN, END, section, before="\n## Events")


if __name__ == "__main__":
    main()
