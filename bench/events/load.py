#!/usr/bin/env python3
"""Measurements of bench/events/load.sh, each printing one JSON object:

    load.py copies DUMP                      the copies a publish phase delivered (a dump of
        bench/events/FastInbox.java): how many, delivered copies/s from the first arrival to the
        last, and end-to-end latency (data.sentAt, stamped by wrk when it sent the event, to the
        arrival at the inbox) p50 / p99 / max in ms.
    load.py lateness GATEWAY_PORT INBOX_PORT COUNT AHEAD RUN DUMP
        opens COUNT sagas whose deadlines fall AHEAD to AHEAD+1 s from now (no participant ever
        reports), waits until each has timed out and its outcome reached every inbox, and reports
        how long after the deadline the saga ended (endedAt from GET /admin/sagas/{id}) and the
        outcome copies arrived at the inboxes (FastInbox's arrival times), p50 / p99 / max in ms.
"""
import concurrent.futures, datetime, json, sys, time, urllib.request


def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def summary(values):
    return {"n": len(values), "p50": pct(values, 50), "p99": pct(values, 99), "max": max(values)} if values else {"n": 0}


def read_dump(path):
    for line in open(path, encoding="utf-8"):
        arrived, where, body = line.rstrip("\n").split("\t", 2)
        yield int(arrived), where, json.loads(body)


def copies(path):
    arrivals, latencies, ids = [], [], set()
    for arrived, where, event in read_dump(path):
        # the plain route's baseline forwards to /events, and a few of its requests may land after the dump before the phase
        if where not in ("/product/events", "/payment/events") or event.get("type") != "order.amended":
            continue
        arrivals.append(arrived)
        latencies.append((arrived - event["data"]["sentAt"]) / 1000)
        ids.add((event["id"], where))
    span = (max(arrivals) - min(arrivals)) / 1e6 if arrivals else 0
    return {"copies": len(arrivals), "distinct": len(ids), "seconds": span,
            "delivered_per_s": (len(arrivals) - 1) / span if span else 0, "e2e_ms": summary(latencies)}


def instant(text):
    return datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))


def lateness(gateway_port, inbox_port, count, ahead, run, dump):
    base = f"http://127.0.0.1:{gateway_port}"

    def call(method, url, body=None, key="bench-key"):
        request = urllib.request.Request(url, data=body, method=method, headers={
            "X-Api-Key": key, "Content-Type": "application/cloudevents+json"})
        with urllib.request.urlopen(request, timeout=60) as response:
            return json.loads(response.read())

    def open_saga(i):
        # spread the deadlines over a second, so the sweeper meets them at every phase of its interval
        deadline = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(seconds=ahead + (i % 10) / 10)
        saga = f"{run}-{i}"
        call("POST", base + "/events", json.dumps({
            "specversion": "1.0", "id": saga, "source": "/bench-lateness", "type": "order.placed",
            "deadline": deadline.isoformat(timespec="microseconds").replace("+00:00", "Z"),
            "data": {"items": [{"sku": "GX-1001", "quantity": 1}], "amount": 5}}).encode())
        return saga

    started = time.time()
    # a few at once, so opening the batch takes well under AHEAD even on a busy machine
    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        sagas = list(pool.map(open_saga, range(count)))
    opened_in = time.time() - started
    # every saga: 2 copies of its start event, then 3 outcome copies (order, product, payment)
    expected = 5 * count
    give_up = time.time() + ahead + 120
    while time.time() < give_up:
        held = call("GET", f"http://127.0.0.1:{inbox_port}/stats")["received"]
        if held >= expected:
            break
        time.sleep(0.5)  # a measurement script, not a test: it waits for the deadlines to pass
    call("POST", f"http://127.0.0.1:{inbox_port}/dump?file={dump}")
    outcomes = {}
    for arrived, where, event in read_dump(dump):
        if event.get("type") == "order.cancelled":
            outcomes.setdefault(event.get("sagaid"), []).append(arrived)
    ended, delivered, not_timed_out, missing = [], [], 0, 0
    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        views = list(pool.map(lambda s: call("GET", base + "/admin/sagas/" + s, key="bench-admin-key"), sagas))
    for saga, view in zip(sagas, views):
        deadline = instant(view["deadline"])
        if view["status"] != "timed-out":
            not_timed_out += 1
            continue
        ended.append((instant(view["endedAt"]) - deadline).total_seconds() * 1000)
        epoch_us = (deadline - datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)) // datetime.timedelta(microseconds=1)
        arrivals = outcomes.get(saga, [])
        missing += 3 - len(arrivals)
        delivered += [(a - epoch_us) / 1000 for a in arrivals]
    return {"sagas": count, "opened_in_s": opened_in, "not_timed_out": not_timed_out, "outcomes_missing": missing,
            "timed_out_ms": summary(ended), "outcome_arrived_ms": summary(delivered)}


if __name__ == "__main__":
    if sys.argv[1] == "copies":
        print(json.dumps(copies(sys.argv[2])))
    elif sys.argv[1] == "lateness":
        g, i, n, a, run, dump = sys.argv[2:8]
        print(json.dumps(lateness(int(g), int(i), int(n), float(a), run, dump)))
    else:
        sys.exit(__doc__)
