"""Markdown tables of bench/engine/table-ab.sh's results: baseline against this tree, ratios within each round."""
import json
import statistics
import sys

target, rounds, base_label, new_label = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
R = range(1, rounds + 1)


def mmm(xs, fmt="{:.2f}"):
    return f"{fmt.format(min(xs))} / **{fmt.format(statistics.median(xs))}** / {fmt.format(max(xs))}"


load = {(v, r): json.load(open(f"{target}/load-{v}-{r}.json")) for v in ("base", "new") for r in R}
print(f"Table load, {base_label} against {new_label}, {rounds} round(s) of 5 loads each:\n")
print("| engine | heap per row (B) | load min / **median** / max (s) |")
print("|---|---:|---:|")
for v, label in (("base", base_label), ("new", new_label)):
    secs = [s for r in R for s in load[(v, r)]["seconds"]]
    heap = [load[(v, r)]["heapPerRow"] for r in R]
    print(f"| {label} | {', '.join(f'{h:.0f}' for h in heap)} | {mmm(secs)} |")
ratios = [n / b for r in R for b, n in zip(sorted(load[("base", r)]["seconds"]), sorted(load[("new", r)]["seconds"]))]
print(f"\nLoad time new/baseline (the i-th fastest load of one against the i-th of the other, within a round): {mmm(ratios)}; "
      f"heap per row new/baseline: {statistics.median(load[('new', r)]['heapPerRow'] / load[('base', r)]['heapPerRow'] for r in R):.2f}.\n")


def jmh(v, r):
    out = {}
    for b in json.load(open(f"{target}/jmh-{v}-{r}.json")):
        parts = b["benchmark"].split(".")
        column = b.get("params", {}).get("column")
        key = f"{parts[-2]}.{parts[-1]}" + (f" ({column})" if column else "")
        out[key] = (b["primaryMetric"]["score"], [x for fork in b["primaryMetric"]["rawData"] for x in fork])
    return out


base = {r: jmh("base", r) for r in R}
new = {r: jmh("new", r) for r in R}
print("Lookups (JMH ops/s, median over rounds; ratio = new/baseline of the i-th best iteration within a round):\n")
print(f"| benchmark | {base_label} | {new_label} | new/baseline min / **median** / max |")
print("|---|---:|---:|---:|")
for key in base[1]:
    rs = [n / b for r in R for b, n in zip(sorted(base[r][key][1]), sorted(new[r][key][1]))]
    b = statistics.median(base[r][key][0] for r in R)
    n = statistics.median(new[r][key][0] for r in R)
    print(f"| {key} | {b:,.0f} | {n:,.0f} | {mmm(rs)} |")

print("\nInterleaved in one JVM (`TableLookupInterleaved`: both versions' translation-rules jars, bursts of each lookup alternating):\n")
print(open(f"{target}/interleaved.md").read().strip())
