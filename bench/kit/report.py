#!/usr/bin/env python3
"""Turns the outputs of bench/kit/run.sh (DIR/jmh-publish-<round>.json, DIR/relay.json,
DIR/watchdog.json, DIR/load.txt, DIR/context.md) into the participant kit's section of
docs/BENCHMARKS.md: min / median / max over rounds, and every ratio taken within a round
against its baseline (the transaction without the event, the HTTP floor, the watchdog with
few steps). With --write FILE it replaces what lies between <!-- kit:begin --> and
<!-- kit:end --> in FILE (appending the section when the markers are missing); it always
prints the section."""
import argparse, json, os, statistics, sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "http"))
from report import replace_section  # the HTTP report's section writing

BEGIN, END = "<!-- kit:begin -->", "<!-- kit:end -->"
DATABASES = [("h2", "H2 (in memory)"), ("postgresql", "PostgreSQL (loopback)")]


def spread(values, fmt="{:,.0f}"):
    """min / **median** / max, or the one value."""
    if len(values) == 1:
        return fmt.format(values[0])
    return f"{fmt.format(min(values))} / **{fmt.format(statistics.median(values))}** / {fmt.format(max(values))}"


def publish(d, rounds, statistic):
    """{database: {"alone": [us per round], "with": [...], "ratio": [...], "row": [...]}} of the median transaction
    (statistic "p50") or the mean ("mean") of each JMH run"""
    out = {db: {"alone": [], "with": [], "ratio": [], "row": []} for db, _ in DATABASES}
    for r in range(1, rounds + 1):
        scores = {}
        for b in json.load(open(os.path.join(d, f"jmh-publish-{r}.json"))):
            name = b["benchmark"].rsplit(".", 1)[1]
            metric = b["primaryMetric"]
            scores[(name, b["params"]["database"])] = metric["score"] if statistic == "mean" else metric["scorePercentiles"]["50.0"]
        for db, _ in DATABASES:
            alone, with_ = scores.get(("transactionAlone", db)), scores.get(("transactionWithPublish", db))
            if alone is None or with_ is None:
                continue
            out[db]["alone"].append(alone)
            out[db]["with"].append(with_)
            out[db]["ratio"].append(with_ / alone)
            out[db]["row"].append(with_ - alone)
    return out


def paired(d, rounds):
    """{database: {"alone": [...], "with": [...], "ratio": [...], "row": [...], "iterations": n}}: per round, the median
    over the iterations of PublishBenchmark.paired of each kind's mean transaction (µs) and of their ratio"""
    out = {db: {"alone": [], "with": [], "ratio": [], "row": [], "iterations": 0, "quietest": None} for db, _ in DATABASES}
    for r in range(1, rounds + 1):
        for b in json.load(open(os.path.join(d, f"jmh-publish-{r}.json"))):
            if not b["benchmark"].endswith(".paired"):
                continue
            m = b["secondaryMetrics"]
            its = list(zip(*(sum(m[k]["rawData"], []) for k in ("aloneNanos", "withPublishNanos", "pairs"))))
            alone = [a / n / 1000 for a, _, n in its if n]
            with_ = [w / n / 1000 for _, w, n in its if n]
            v = out[b["params"]["database"]]
            v["alone"].append(statistics.median(alone))
            v["with"].append(statistics.median(with_))
            v["ratio"].append(statistics.median(w / a for a, w in zip(alone, with_)))
            v["row"].append(statistics.median(w - a for a, w in zip(alone, with_)))
            v["iterations"] = len(alone)
            # The second with the most pairs done: the one the neighbours disturbed least, over all rounds.
            a_, w_, n_ = max(its, key=lambda it: it[2])
            if v["quietest"] is None or n_ > v["quietest"][2]:
                v["quietest"] = (a_ / n_ / 1000, w_ / n_ / 1000, n_, r)
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dir", required=True)
    ap.add_argument("--rounds", type=int, required=True)
    ap.add_argument("--context", required=True, help="a file of Markdown lines: date, machine, JVM, load")
    ap.add_argument("--jmh-settings", required=True)
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--write")
    a = ap.parse_args()
    d = a.dir

    out = [BEGIN, "## The participant kit (issue 14)", ""]
    out.append(f"Written by `bench/kit/run.sh{' --quick' if a.quick else ''}` (do not edit by hand, run it again). The kit runs as a "
               "department runs it: its auto-configuration in a minimal Spring Boot service (`bench/kit/.../BenchService.java`: "
               "a `ledger` table of its own, a `@Transactional` bean, one saga step), on the kit's Flyway schema, through its "
               "public beans only.")
    out.append("")
    out += open(a.context).read().rstrip().splitlines()
    loads = [float(line.split()[1]) for line in open(os.path.join(d, "load.txt")) if line.strip()]
    if loads:
        out.append(f"- Load while measuring: the 1-minute load average, sampled every 5 s, was {spread(loads, '{:.1f}')} "
                   f"(min / median / max of {len(loads)} samples) on 2 cores: read the ratios, which are taken within a round, "
                   "rather than the absolute numbers.")
    out.append("")

    # 1. publish
    out.append("### Publishing to the outbox inside a service transaction")
    out.append("")
    pp = paired(d, a.rounds)
    if any(v["alone"] for v in pp.values()):
        out.append("JMH (`PublishBenchmark.paired`, 1 thread): one transaction through the service's `@Transactional` bean that "
                   "inserts one ledger row (the baseline), and the same transaction that also calls "
                   "`publisher.publish(\"bench.recorded\", data, deadline)` (the outbox row, its data about 45 bytes of JSON, in the "
                   "same commit), run in turn, one of each per invocation, the order swapping each time, each timed with "
                   "`System.nanoTime` into JMH counters: on shared cores both kinds meet the same neighbours, so their ratio is "
                   "taken over the same seconds. The relay's pass loop is stopped (its `Lifecycle`), so only the transactions "
                   "are measured; both tables are emptied after every iteration. "
                   f"{a.rounds} round(s), each one JMH run of `{a.jmh_settings}` per database; per round the median over its "
                   "iterations of each kind's mean transaction and of the ratio; min / **median** / max over the rounds:")
        out.append("")
        out.append("| database | transaction alone (µs) | with `publish` (µs) | with / alone | the outbox row (µs, with − alone) |")
        out.append("|---|---:|---:|---:|---:|")
        for db, name in DATABASES:
            v = pp[db]
            if v["alone"]:
                out.append(f"| {name} | {spread(v['alone'], '{:,.1f}')} | {spread(v['with'], '{:,.1f}')} | "
                           f"{spread(v['ratio'], '{:.2f}x')} | {spread(v['row'], '{:,.1f}')} |")
        out.append("")
        quiet = []
        for db, name in DATABASES:
            if pp[db]["quietest"]:
                alone, with_, pairs, r = pp[db]["quietest"]
                quiet.append(f"{name} {alone:,.1f} µs alone, {with_:,.1f} µs with `publish` ({with_ / alone:.2f}x, the outbox row "
                             f"{with_ - alone:,.1f} µs; {int(pairs):,} pairs, round {r})")
        out.append("In the quietest second of all the rounds (the iteration with the most pairs done, the one the neighbours "
                   "disturbed least): " + "; ".join(quiet) + ".")
        out.append("")
    separate = any(b["benchmark"].endswith(".transactionAlone")
                   for r in range(1, a.rounds + 1) for b in json.load(open(os.path.join(d, f"jmh-publish-{r}.json"))))
    if separate:
        out.append("JMH (`PublishBenchmark`, 1 thread, every transaction's time sampled): one transaction through the service's "
               "`@Transactional` bean that inserts one ledger row (`transactionAlone`, the baseline), against the same "
               "transaction that also calls `publisher.publish(\"bench.recorded\", data, deadline)` (`transactionWithPublish`: "
               "the outbox row, its data about 45 bytes of JSON, in the same commit). The relay's pass loop is stopped (its "
               "`Lifecycle`), so only the transaction is measured; both tables are emptied after every iteration. "
               f"{a.rounds} round(s), each one JMH run of `{a.jmh_settings}` per benchmark and database; "
               "min / **median** / max over the rounds of the median transaction of each run (what one costs when the "
               "neighbours let it run), and below it the mean (which also counts every time the shared cores were taken away "
               "in the middle of one), each ratio taken within a round:")
        out.append("")
        out.append("| database | statistic | transaction alone (µs) | with `publish` (µs) | with / alone | the outbox row (µs, with − alone) |")
        out.append("|---|---|---:|---:|---:|---:|")
        for statistic, label in (("p50", "median"), ("mean", "mean")):
            p = publish(d, a.rounds, statistic)
            for db, name in DATABASES:
                v = p[db]
                if not v["alone"]:
                    continue
                out.append(f"| {name} | {label} | {spread(v['alone'], '{:,.1f}')} | {spread(v['with'], '{:,.1f}')} | "
                           f"{spread(v['ratio'], '{:.2f}x')} | {spread(v['row'], '{:,.1f}')} |")
        out.append("")

    # 2. relay
    relay = json.load(open(os.path.join(d, "relay.json")))
    rounds = sorted({r["round"] for r in relay["results"]})
    by = {(r["name"], r["round"]): r["per_s"] for r in relay["results"]}
    floor = relay["floor"]
    out.append("### Relay throughput")
    out.append("")
    out.append(f"{relay['events']:,} events published in one transaction (so all are in the outbox when the relay wakes at the "
               "commit), sent one by one by the kit's `OutboxRelay` to a JDK `HttpServer` on loopback that answers `202` at once "
               "(`bench/kit/.../AcceptingSink.java`); events/s is the events over the time from the commit to the last row's "
               f"`finished_at`. Each setting is its own service (Spring context, H2 in memory) in one JVM; {len(rounds)} measured "
               f"rounds after a warm-up round of {relay['warmup']:,}, the order rotating each round. Every round checks that "
               "every event was `SENT` after exactly one attempt and reached the sink once. The baseline is the HTTP floor: "
               "the same number of structured CloudEvents of the same size POSTed one after another by the JDK's HTTP client "
               "(the kit's), with no database. min / **median** / max over the rounds:")
    out.append("")
    out.append("| relay | settings | events/s | / HTTP floor |")
    out.append("|---|---|---:|---:|")
    for s in relay["settings"]:
        rates = [by[(s["name"], r)] for r in rounds]
        ratios = [by[(s["name"], r)] / by[(floor, r)] for r in rounds]
        props = f"`{s['properties']}`" if s["properties"] else "the kit's defaults"
        own = {r["events"] for r in relay["results"] if r["name"] == s["name"]}
        target = (f"; to the gateway jar: {', '.join(f'{e:,}' for e in sorted(own))} `{s['type']}` events per round, each stored "
                  f"and delivered as {s['copies']} copies to the sink" if s.get("gateway") else "")
        out.append(f"| {s['name']} | {props}: batch {s['batch_size']}, interval {s['interval'][2:].lower()}, "
                   f"timeout {s['timeout'][2:].lower()}{target} | {spread(rates)} | {spread(ratios, '{:.2f}x')} |")
    out.append(f"| {floor} | sequential POSTs, one connection | {spread([by[(floor, r)] for r in rounds])} | 1.00x |")
    out.append("")
    if any(s.get("gateway") for s in relay["settings"]):
        out.append("The row \"to Dragoman\" is the production path (`run.sh --gateway`): the same relay sending to the gateway jar "
                   "(`-Xms512m -Xmx512m`, embedded H2 event store, `bench/events/load-maps` with its inboxes pointed at the sink), "
                   "which stores each event with its copies before its `202` and delivers the copies meanwhile on the same cores; "
                   "each of its rounds ends when every copy has reached the sink.")
        out.append("")

    # 3. watchdog
    w = json.load(open(os.path.join(d, "watchdog.json")))
    skew = w["clock_skew_allowance"]
    skew_text = (f"`dragoman.kit.clock-skew-allowance` set to `PT0S` (the kit read it as {skew})" if skew is not None else
                 "`dragoman.kit.clock-skew-allowance=PT0S` set, but this kit has no such property yet: it compares deadlines "
                 "with its clock as it is")
    out.append("### Deadline watchdog lateness")
    out.append("")
    out.append(f"{w['steps']:,} completed saga steps, written in `dragoman_saga_step` exactly as the kit writes a completed "
               f"participant step, with deadlines spread evenly over {w['spread_s']} s (the first {w['lead_s']} s after they were "
               f"written); the kit's `DeadlineWatchdog` with its defaults (interval {w['interval'][2:].lower()}, "
               f"batch {w['batch_size']}; {skew_text}) rolls each back through the step's compensation, which writes a refund row "
               "and notes the time; the kit logs its one WARN line per step. Lateness is when the compensation ran minus the "
               f"step's deadline. Baseline: {w['baseline_steps']:,} steps over {w['baseline_spread_s']} s in the same service, "
               "so few that each pass has almost nothing to do: the interval alone. Rounds alternate, baseline first, after a warm-up round that is not reported; "
               "one line per round; ms:")
    out.append("")
    out.append("| round | open steps | deadlines per s | p50 | p90 | p99 | max | min | rolled back per s |")
    out.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in w["rounds"]:
        l = r["late_ms"]
        out.append(f"| {r['round']} | {r['steps']:,} | {r['steps'] / r['spread_s']:,.0f} | {l['p50']:,.0f} | {l['p90']:,.0f} | "
                   f"**{l['p99']:,.0f}** | {l['max']:,.0f} | {l['min']:,.0f} | {r['per_s']:,.0f} |")
    big = [r for r in w["rounds"] if r["steps"] == w["steps"]]
    base = [r for r in w["rounds"] if r["steps"] == w["baseline_steps"]]
    if big and base:
        out.append("")
        out.append(f"With {w['steps']:,} open steps against {w['baseline_steps']:,} (median over rounds): p50 "
                   f"{statistics.median(r['late_ms']['p50'] for r in big):,.0f} ms against "
                   f"{statistics.median(r['late_ms']['p50'] for r in base):,.0f} ms, p99 "
                   f"{statistics.median(r['late_ms']['p99'] for r in big):,.0f} ms against "
                   f"{statistics.median(r['late_ms']['p99'] for r in base):,.0f} ms. \"rolled back per s\" is the steps over the "
                   "time from the first deadline to the last compensation: when it is below the deadlines per second, the "
                   "watchdog fell behind and the lateness is that queue.")
    early = [r for r in w["rounds"] if r["late_ms"]["min"] < 0]
    if early:
        out.append("")
        out.append(f"**Problem seen:** {len(early)} round(s) rolled a step back before its deadline.")
    out.append("")
    out.append(END)
    section = "\n".join(out)
    print(section)
    if a.write:
        replace_section(a.write, BEGIN, END, section)


if __name__ == "__main__":
    main()
