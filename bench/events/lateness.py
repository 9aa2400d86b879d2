"""Deadline lateness: opens sagas whose deadline is a few seconds away, lets no participant
report, and reads from the admin API when each timed out (endedAt) and when its outcome reached
the initiator's inbox (the delivery's finishedAt). Prints percentiles of both, against the deadline.
    python3 bench/events/lateness.py <gateway port> <sagas> <seconds ahead>"""
import datetime, json, sys, time, urllib.request, uuid

port, count, ahead = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3])
base = f"http://127.0.0.1:{port}"

def call(method, path, body=None, key="bench-key", content_type="application/cloudevents+json"):
    request = urllib.request.Request(base + path, data=body, method=method,
                                     headers={"X-Api-Key": key, "Content-Type": content_type})
    with urllib.request.urlopen(request) as response:
        return json.loads(response.read())

def instant(text):
    return datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))

ids = []
for i in range(count):
    saga = str(uuid.uuid4())
    # spread the deadlines over a second, so the sweeper meets them at every phase of its interval
    deadline = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(seconds=ahead + (i % 10) / 10)
    event = {"specversion": "1.0", "id": saga, "source": "/bench-lateness", "type": "order.placed",
             "deadline": deadline.isoformat(timespec="milliseconds").replace("+00:00", "Z"),
             "data": {"items": [{"sku": "GX-1001", "quantity": 1}], "amount": 5}}
    call("POST", "/events", json.dumps(event).encode())
    ids.append(saga)

time.sleep(ahead + 3)  # a measurement script, not a test: it waits for the deadlines to pass
acted, delivered = [], []
for saga in ids:
    view = call("GET", "/admin/sagas/" + saga, key="bench-admin-key")
    deadline = instant(view["deadline"])
    if view["status"] != "timed-out":
        print("saga", saga, "is", view["status"]); continue
    acted.append((instant(view["endedAt"]) - deadline).total_seconds() * 1000)
    outcome = [s for s in view["sent"] if s["kind"] == "outcome" and s["receiver"] == "order"]
    if outcome and outcome[0]["finishedAt"]:
        delivered.append((instant(outcome[0]["finishedAt"]) - deadline).total_seconds() * 1000)

def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]

for name, values in (("timed out after the deadline", acted), ("outcome delivered after the deadline", delivered)):
    print(f"{name}: n={len(values)} p50={pct(values, 50):.0f} ms p95={pct(values, 95):.0f} ms p99={pct(values, 99):.0f} ms max={max(values):.0f} ms")
