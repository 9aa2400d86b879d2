#!/usr/bin/env python3
"""Turns the outputs of bench/events/load.sh (DIR/<store>-r<round>-{plain.txt,publish.txt,
copies.json,lateness.json}, DIR/<store>-open-sagas.json) into the events section of
docs/BENCHMARKS.md: min / median / max over the rounds of each measure, for H2 and PostgreSQL
side by side, and the ratio PG/H2 of the medians. With --write FILE it replaces what lies
between <!-- events:begin --> and <!-- events:end --> in FILE (inserting the section after
<!-- http:end --> and the paragraphs that follow it, before '## Events', when the markers are
missing); it always prints the section."""
import argparse, json, os, re, statistics, sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "http"))
from report import replace_section  # the HTTP report's section writing

BEGIN, END = "<!-- events:begin -->", "<!-- events:end -->"
STORES = [("h2", "H2 (embedded)"), ("pg", "PostgreSQL")]
UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def wrk(path):
    text = open(path).read()
    lat = {p: float(v) * UNITS[u] for p, v, u in re.findall(r"^\s+(50|99)%\s+([\d.]+)(us|ms|s)\s*$", text, re.M)}
    errors = re.findall(r"(Non-2xx or 3xx responses: \d+|Socket errors: .*)", text)
    return {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1)), "p50": lat.get("50"), "p99": lat.get("99"),
            "errors": errors}


def load(d, store, rounds):
    rows = []
    for r in range(1, rounds + 1):
        f = lambda suffix: os.path.join(d, f"{store}-r{r}-{suffix}")
        if not os.path.exists(f("lateness.json")):
            continue
        plain, publish = wrk(f("plain.txt")), wrk(f("publish.txt"))
        copies, late = json.load(open(f("copies.json"))), json.load(open(f("lateness.json")))
        rows.append({
            "accepted/s": publish["rps"], "plain req/s": plain["rps"], "accepted / plain": publish["rps"] / plain["rps"],
            "publish p50 (ms)": publish["p50"], "publish p99 (ms)": publish["p99"],
            "delivered copies/s": copies["delivered_per_s"],
            "e2e p50 (ms)": copies["e2e_ms"]["p50"], "e2e p99 (ms)": copies["e2e_ms"]["p99"],
            "timed out after deadline p50 (ms)": late["timed_out_ms"]["p50"], "timed out after deadline p99 (ms)": late["timed_out_ms"]["p99"],
            "outcome at inbox after deadline p50 (ms)": late["outcome_arrived_ms"]["p50"],
            "outcome at inbox after deadline p99 (ms)": late["outcome_arrived_ms"]["p99"],
            "_problems": publish["errors"] + plain["errors"]
            + ([f"{late['not_timed_out']} sagas not timed out"] if late["not_timed_out"] else [])
            + ([f"{late['outcomes_missing']} outcome copies missing"] if late["outcomes_missing"] else [])
            + ([f"{copies['copies'] - copies['distinct']} copies twice"] if copies["copies"] != copies["distinct"] else []),
        })
    opened = json.load(open(os.path.join(d, f"{store}-open-sagas.json")))
    return rows, opened


def fmt(v, key):
    if v is None:
        return "-"
    if "/ plain" in key:
        return f"{v:.2f}"
    if "/s" in key:
        return f"{v:,.0f}"
    return f"{v:.1f}" if v < 10 else f"{v:,.0f}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("--rounds", type=int, required=True)
    ap.add_argument("--context", required=True, help="a file of Markdown lines: date, machine, JVM, load")
    ap.add_argument("--write")
    a = ap.parse_args()
    data = {s: load(a.dir, s, a.rounds) for s, _ in STORES}
    keys = [k for k in data["h2"][0][0] if not k.startswith("_")]
    out = [BEGIN, "## Events under load (gateway)", ""]
    out.append("Written by `bench/events/load.sh` (do not edit by hand, run it again):")
    out.append("")
    out += open(a.context).read().rstrip().splitlines()
    out.append("")
    out.append("min / **median** / max over the rounds; latencies in ms; \"after deadline\" is how long after each saga's deadline it was timed out (`endedAt`) and its outcome copies arrived at the inboxes (3 per saga):")
    out.append("")
    out.append("| measure | " + " | ".join(name for _, name in STORES) + " | PG/H2 (medians) |")
    out.append("|---|" + "---:|" * (len(STORES) + 1))
    for key in keys:
        cells, medians = [], []
        for store, _ in STORES:
            values = [r[key] for r in data[store][0] if r[key] is not None]
            if not values:
                cells.append("-"); medians.append(None); continue
            m = statistics.median(values)
            medians.append(m)
            cells.append(f"{fmt(min(values), key)} / **{fmt(m, key)}** / {fmt(max(values), key)}")
        ratio = f"{medians[1] / medians[0]:.2f}" if None not in medians and medians[0] else "-"
        out.append(f"| {key} | " + " | ".join(cells) + f" | {ratio} |")
    opened = []
    for store, _ in STORES:
        o = data[store][1]
        opened.append(f"{o['sagas']:,} in {o['seconds']:.0f} s ({o['sagas'] / o['seconds']:,.0f}/s, copies delivered included)")
    out.append("| sagas opened before the lateness rounds | " + " | ".join(opened) + " | |")
    out.append("")
    problems = [f"{store} round {i + 1}: {p}" for store, _ in STORES for i, r in enumerate(data[store][0]) for p in r["_problems"]]
    for store, _ in STORES:
        path = os.path.join(a.dir, f"{store}-log-problems.txt")
        if os.path.exists(path) and open(path).read().strip() not in ("", "0"):
            problems.append(f"{store}: {open(path).read().strip()} WARN/ERROR lines in the gateway's log (bench/events/target/gateway-{store}.log)")
    if problems:
        out.append("**Problems seen** (these rounds are suspect): " + "; ".join(problems))
        out.append("")
    out.append(END)
    section = "\n".join(out)
    print(section)
    if a.write:
        replace_section(a.write, BEGIN, END, section, before="\n## Events")
    if problems:
        print("problems: " + "; ".join(problems), file=sys.stderr)


if __name__ == "__main__":
    main()
