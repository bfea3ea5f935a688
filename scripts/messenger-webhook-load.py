#!/usr/bin/env python3
"""Loads the Messenger webhook of a running service and measures acknowledgement and end-to-end latency.

A stub Graph API runs on 127.0.0.1 (its own process, so the load generator never holds it up); the service must be
running with MESSENGER_GRAPH_URL pointing at it (docs/performance.md, "End-to-end under load"). All traffic goes to
127.0.0.1 only, every loop is bounded in count and time, and the script stops by itself.

Four modes:

  closed loop (issue 2): N signed deliveries from C clients that each wait for the previous acknowledgement,
  200 senders reused; prints acknowledgement latency, how many message sends reached the stub, when there were as
  many as deliveries (issue 2's "all answered after"; a turn now sends 1-3 messages, so that is early) and when the
  last one came.
      messenger-webhook-load.py --requests 3000 --concurrency 8

  open loop: R brand-new people per second for S seconds, posted on a fixed schedule whatever the service does; each
  delivery is one text from a sender id never seen before. Prints sent, acknowledged, answered, acknowledgement
  p50/p95/p99, end-to-end p50/p95/p99/max (to the first message send, and to the last), unanswered after the drain.
      messenger-webhook-load.py --rate 100 --duration 10

  stub check: how fast the stub alone answers (no service needed).
      messenger-webhook-load.py --stub-check 20000 --concurrency 16 [--stub-delay 50]

  sweep: one open-loop run per rate, one after another (each starts after the previous drain ended), one table row
  per rate, then the highest rate at which end-to-end p99 stays under 1 s.
      messenger-webhook-load.py --sweep 50,100,200,300,400 --duration 10 --warmup 10

End to end is measured per delivery, from just before its POST is written to the moment the stub receives a Send API
`message` call for that (brand-new, so unambiguous) recipient: "first" is the first such call (the person sees the
bot answer), "last" the last one before the drain ended (the whole answer: one person sends one message, so every
message send to that recipient belongs to that turn). Typing indicators are counted but never end a measurement.
The drain ends when every acknowledged delivery has had a message send and no send has reached the stub for
--quiet seconds, or --drain seconds after the last POST, whichever comes first; a delivery not answered by then
counts as infinitely slow in the percentiles (printed as "inf"), so p99 is only finite when at least 99 % were
answered. "dup" counts recipients who got the same message text twice (a turn answered twice); the number of
message sends per person is printed too. "lag" is how late the generator itself posted a delivery after its due
time: when it grows, the figures say more about this machine than about the service.

The stub answers every Send API call at once unless --stub-delay MS makes each call take that long to answer (it
records the arrival first, then waits; one thread per connection, so the service's own connection pool,
MESSENGER_SEND_CONCURRENCY, decides how many wait at once). A real Graph API is never 0 ms away; run the
comparison at 0 and at a delay.
"""
import argparse, hashlib, hmac, http.client, http.server, json, math, multiprocessing, os, queue, sys, threading
import time, uuid, zlib
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import parse_qs, urlparse

TEXTS = ["chao ban", "chồng tôi hay đánh tôi", "cho mình xin số điện thoại hỗ trợ", "ly hon can giay to gi",
         "cuu toi voi anh ta dang danh toi", "toi can noi chuyen voi nhan vien"]
CLOCK = time.monotonic  # CLOCK_MONOTONIC on Linux: the same clock in the generator and in the stub process


# ---------------------------------------------------------------------------------------------------------- the stub

class StubServer(http.server.ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 256

    def __init__(self, address, delay=0.0):
        super().__init__(address, StubHandler)
        self.delay = delay       # seconds each Send API call takes to answer (a real Graph API takes 0.1-0.3 s)
        self.lock = threading.Lock()
        self.arrivals = {}       # recipient -> [[t, kind, crc32 of the text or 0], ...]
        self.answered = {}       # run prefix -> recipients with at least one message send
        self.last_message = {}   # run prefix -> time of the last message send
        self.totals = {"requests": 0, "message": 0, "typing": 0, "other": 0, "connections": 0}
        self.stopping = False


class StubHandler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"   # keep-alive: the service's pool reuses its connections
    disable_nagle_algorithm = True

    counted = False  # this connection has carried a Send API call (the generator's /_load polls do not count)

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        if self.path.startswith("/_load/stop"):
            self.server.stopping = True
            self.close_connection = True
            return self.reply(b"{}")
        now = CLOCK()
        recipient, kind, digest = "?", "other", 0
        try:
            data = json.loads(body)
            to = data.get("recipient") or {}
            recipient = str(to.get("id") or to.get("user_ref") or "?")
            if "message" in data:
                kind = "message"
                digest = zlib.crc32(json.dumps(data["message"].get("text"), ensure_ascii=False).encode())
            elif "sender_action" in data:
                kind = "typing"
        except (ValueError, AttributeError):
            pass
        s = self.server
        with s.lock:
            if not self.counted:
                self.counted = True
                s.totals["connections"] += 1
            s.totals["requests"] += 1
            s.totals[kind] += 1
            events = s.arrivals.get(recipient)
            if events is None:
                events = s.arrivals[recipient] = []
            if kind == "message":
                prefix = recipient.rsplit("-", 1)[0]
                if not any(e[1] == "message" for e in events):
                    s.answered[prefix] = s.answered.get(prefix, 0) + 1
                s.last_message[prefix] = now
            events.append([now, kind, digest])
        if s.delay > 0:
            time.sleep(s.delay)  # after the arrival was recorded: the send reached the platform, its answer is slow
        self.reply(b'{"recipient_id":"%s","message_id":"m.%d"}' % (recipient.encode()[:64], s.totals["requests"]))

    def do_GET(self):
        url = urlparse(self.path)
        prefix = (parse_qs(url.query).get("prefix") or [""])[0]
        s = self.server
        with s.lock:
            if url.path == "/_load/progress":
                out = dict(s.totals, answered=s.answered.get(prefix, 0), last_message=s.last_message.get(prefix, 0.0),
                           now=CLOCK())
            elif url.path == "/_load/arrivals":
                mark = prefix + "-"
                out = {r: e for r, e in s.arrivals.items() if r.startswith(mark)}
            else:
                out = None
        if out is None:
            return self.reply(b'{"error":"not found"}', 404)
        self.reply(json.dumps(out).encode())

    def reply(self, out, status=200):
        reason = b"OK" if status == 200 else b"Not Found"
        # One write, headers and body together: no Nagle / delayed-ACK stall between them.
        self.wfile.write(b"HTTP/1.1 %d %s\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s"
                         % (status, reason, len(out), out))

    def log_message(self, *args):
        pass


def run_stub(port, lifetime, parent, ready, delay):
    server = StubServer(("127.0.0.1", port), delay)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.2}, daemon=True).start()
    ready.set()
    deadline = CLOCK() + lifetime
    # Bounded: stops when told, when the generator is gone, or after its lifetime.
    while not server.stopping and CLOCK() < deadline and os.getppid() == parent:
        time.sleep(0.2)
    server.shutdown()


class Stub:
    """The stub process and a little client for its /_load endpoints."""

    def __init__(self, port, lifetime, delay=0.0):
        self.port = port
        ctx = multiprocessing.get_context("fork")
        ready = ctx.Event()
        self.process = ctx.Process(target=run_stub, args=(port, lifetime, os.getpid(), ready, delay), daemon=True)
        self.process.start()
        if not ready.wait(10):
            sys.exit("the stub Graph API did not start on 127.0.0.1:%d" % port)

    def get(self, path):
        for attempt in (1, 2):  # one kept-alive connection, opened again if it was closed
            if getattr(self, "conn", None) is None:
                self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
            try:
                self.conn.request("GET", path)
                return json.loads(self.conn.getresponse().read())
            except (OSError, http.client.HTTPException):
                self.conn.close()
                self.conn = None
                if attempt == 2:
                    raise

    def progress(self, prefix=""):
        return self.get("/_load/progress?prefix=" + prefix)

    def arrivals(self, prefix):
        return self.get("/_load/arrivals?prefix=" + prefix)

    def stop(self):
        try:
            c = http.client.HTTPConnection("127.0.0.1", self.port, timeout=5)
            c.request("POST", "/_load/stop", b"", {"Content-Length": "0"})
            c.getresponse().read()
            c.close()
        except OSError:
            pass
        self.process.join(5)
        if self.process.is_alive():
            self.process.terminate()


# ------------------------------------------------------------------------------------------------ the generator side

def delivery(secret, sender, text):
    body = json.dumps({"object": "page", "entry": [{"id": "P", "time": 1, "messaging": [{
        "sender": {"id": sender}, "recipient": {"id": "P"}, "timestamp": int(time.time() * 1000),
        "message": {"mid": "mid.%s" % uuid.uuid4(), "text": text}}]}]}).encode()
    sig = "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    return body, {"Content-Type": "application/json", "X-Hub-Signature-256": sig}


def post(conn, port, body, headers, timeout):
    """Posts one delivery on a kept-alive connection; returns (connection, status, t_post, t_ack)."""
    for attempt in (1, 2):
        if conn is None:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
        t = CLOCK()
        try:
            conn.request("POST", "/webhooks/messenger", body, headers)
            r = conn.getresponse()
            r.read()
            return conn, r.status, t, CLOCK()
        except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError) as e:
            conn.close()
            conn = None
            if attempt == 2:  # a kept-alive connection the server had closed: one retry on a fresh one
                return None, type(e).__name__, t, CLOCK()
        except (OSError, http.client.HTTPException) as e:
            conn.close()
            return None, type(e).__name__, t, CLOCK()


def pct(values, q):
    """Nearest-rank percentile of a sorted list (inf stays inf)."""
    if not values:
        return math.nan
    return values[max(0, min(len(values) - 1, math.ceil(q * len(values)) - 1))]


def ms(v):
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return "-"
    return "inf" if math.isinf(v) else ("%.0f" % (v * 1000) if v >= 0.1 else "%.1f" % (v * 1000))


class MetricsSampler:
    """Samples the service's inbox backlog (actuator motcua.inbox.pending) twice a second, bounded by a deadline."""

    def __init__(self, port, deadline):
        self.port, self.deadline, self.max_pending, self.stop_flag = port, deadline, None, threading.Event()
        self.thread = threading.Thread(target=self.run, daemon=True)
        self.thread.start()

    def run(self):
        c = None
        while not self.stop_flag.is_set() and CLOCK() < self.deadline:
            try:
                c = c or http.client.HTTPConnection("127.0.0.1", self.port, timeout=2)
                c.request("GET", "/actuator/metrics/motcua.inbox.pending")
                value = json.loads(c.getresponse().read())["measurements"][0]["value"]
                self.max_pending = max(self.max_pending or 0, int(value))
            except (OSError, ValueError, KeyError, IndexError, http.client.HTTPException):
                if c is not None:
                    c.close()
                c = None
            self.stop_flag.wait(0.5)
        if c is not None:
            c.close()

    def stop(self):
        self.stop_flag.set()
        self.thread.join(3)
        return self.max_pending


def machine_cpu():
    """(busy, total) jiffies of the whole machine, from /proc/stat; None where there is no /proc."""
    try:
        with open("/proc/stat") as f:
            v = [int(x) for x in f.readline().split()[1:]]
        idle = v[3] + (v[4] if len(v) > 4 else 0)
        return sum(v) - idle, sum(v)
    except (OSError, ValueError, IndexError):
        return None


def thread_cpu(pid):
    """CPU seconds used so far by each thread group of a process (names without their numbers), from /proc."""
    groups = {}
    if not pid:
        return groups
    tick = os.sysconf("SC_CLK_TCK")
    try:
        tasks = os.listdir("/proc/%d/task" % pid)
    except OSError:
        return groups
    for tid in tasks[:2000]:
        try:
            with open("/proc/%d/task/%s/stat" % (pid, tid)) as f:
                stat = f.read()
        except OSError:
            continue
        name = stat[stat.index("(") + 1:stat.rindex(")")]
        fields = stat[stat.rindex(")") + 2:].split()
        group = name.rstrip("0123456789#-_ ").replace("reactor-http-epoll", "reactor-http") or name
        groups[group] = groups.get(group, 0.0) + (int(fields[11]) + int(fields[12])) / tick
    return groups


def cpu_report(before, after, machine_before, machine_after, seconds, messages):
    parts = []
    if machine_before and machine_after and machine_after[1] > machine_before[1]:
        busy = (machine_after[0] - machine_before[0]) / (machine_after[1] - machine_before[1])
        parts.append("machine %.0f%% busy (all cores, every process)" % (busy * 100))
    if after:
        used = {k: v - before.get(k, 0.0) for k, v in after.items()}
        total = sum(used.values())
        top = sorted(used.items(), key=lambda kv: -kv[1])[:6]
        parts.append("service %.1f CPU-s in %.0f s, %.2f ms per delivery: %s" % (
            total, seconds, total * 1000 / max(1, messages),
            ", ".join("%s %.1fs" % kv for kv in top if kv[1] >= 0.05)))
    return "; ".join(parts)


def open_loop(a, stub, rate, duration, label=None):
    """R brand-new people a second for S seconds, on schedule; returns the figures of the run."""
    n = max(1, int(round(rate * duration)))
    prefix = "ol%s%d" % (uuid.uuid4().hex[:6], int(rate))
    texts = [TEXTS[i % len(TEXTS)] for i in range(n)]
    prepared = [delivery(a.secret, "%s-%d" % (prefix, i), texts[i]) for i in range(n)]  # signed before the clock
    due = [0.0] * n
    t_post = [0.0] * n
    t_ack = [0.0] * n
    status = [None] * n
    jobs = queue.Queue()
    clients = a.clients or max(16, min(256, int(rate * 0.25)))

    def worker():
        conn = None
        for _ in range(n + 1):  # bounded: at most every job plus its stop mark
            i = jobs.get()
            if i is None:
                break
            body, headers = prepared[i]
            conn, status[i], t_post[i], t_ack[i] = post(conn, a.port, body, headers, a.timeout)
        if conn is not None:
            conn.close()

    threads = [threading.Thread(target=worker, daemon=True) for _ in range(clients)]
    for t in threads:
        t.start()
    sampler = MetricsSampler(a.port, CLOCK() + duration + a.drain + 30)
    cpu_before, machine_before, cpu_start = thread_cpu(a.service_pid), machine_cpu(), CLOCK()
    start = CLOCK() + 0.2
    for i in range(n):  # the schedule: delivery i is due at start + i/R, whether or not earlier ones were answered
        due[i] = start + i / rate
        wait = due[i] - CLOCK()
        if wait > 0:
            time.sleep(wait)
        jobs.put(i)
    for _ in threads:
        jobs.put(None)
    for t in threads:
        t.join(a.timeout * 2 + 5)
    posted_end = CLOCK()
    acked = [i for i in range(n) if status[i] == 200]
    # The drain: until everyone acknowledged has had a message send and the stub has been quiet, or --drain runs out.
    deadline = posted_end + a.drain
    while CLOCK() < deadline:
        p = stub.progress(prefix)
        if p["answered"] >= len(acked) and p["now"] - p["last_message"] >= a.quiet:
            break
        time.sleep(0.1)
    drained = CLOCK()
    cpu = cpu_report(cpu_before, thread_cpu(a.service_pid), machine_before, machine_cpu(), drained - cpu_start, n)
    max_pending = sampler.stop()
    arrivals = stub.arrivals(prefix)
    progress = stub.progress(prefix)

    first, last, sends, dups, typing, per_second = [], [], {}, 0, 0, {}
    by_text = {}
    for i in acked:
        events = [e for e in arrivals.get("%s-%d" % (prefix, i), []) if e[0] <= drained]
        messages = [e for e in events if e[1] == "message"]
        typing += sum(1 for e in events if e[1] == "typing")
        for e in events:
            per_second[int(e[0])] = per_second.get(int(e[0]), 0) + 1
        sends[len(messages)] = sends.get(len(messages), 0) + 1
        if len(set(e[2] for e in messages)) < len(messages):
            dups += 1
        f = messages[0][0] - t_post[i] if messages else math.inf
        l = messages[-1][0] - t_post[i] if messages else math.inf
        first.append(f)
        last.append(l)
        by_text.setdefault(texts[i], []).append(f)
    first.sort()
    last.sort()
    ack = sorted(t_ack[i] - t_post[i] for i in acked)
    lag = sorted(t_post[i] - due[i] for i in range(n) if status[i] is not None)
    errors = {}
    for s in status:
        if s != 200:
            errors[str(s)] = errors.get(str(s), 0) + 1
    span = max(t_post) - min(t_post) if n > 1 else 0
    return {
        "label": label or "%g/s" % rate, "rate": rate, "duration": duration, "sent": n, "clients": clients,
        "offered": (n - 1) / span if span > 0 else float(n), "acked": len(acked), "errors": errors,
        "answered": sum(1 for v in first if not math.isinf(v)), "unanswered": sum(1 for v in first if math.isinf(v)),
        "ack": ack, "first": first, "last": last, "lag": lag, "sends": sends, "dups": dups, "typing": typing,
        "by_text": by_text, "drain": drained - posted_end, "max_pending": max_pending,
        "cpu": cpu, "stub_peak": max(per_second.values()) if per_second else 0,
        "stub_connections": progress["connections"],
    }


def print_run(r):
    print("rate=%s/s duration=%gs clients=%d sent=%d offered=%.0f/s acknowledged=%d errors=%s answered=%d "
          "unanswered=%d (drain %.1fs)" % (fmt_rate(r["rate"]), r["duration"], r["clients"], r["sent"], r["offered"],
                                           r["acked"], r["errors"] or 0, r["answered"], r["unanswered"], r["drain"]))
    a, f, l, g = r["ack"], r["first"], r["last"], r["lag"]
    print("ack ms:          p50=%s p95=%s p99=%s max=%s" % (ms(pct(a, .5)), ms(pct(a, .95)), ms(pct(a, .99)),
                                                               ms(a[-1] if a else None)))
    print("e2e first ms:    p50=%s p95=%s p99=%s max=%s" % (ms(pct(f, .5)), ms(pct(f, .95)), ms(pct(f, .99)),
                                                               ms(f[-1] if f else None)))
    print("e2e last ms:     p50=%s p95=%s p99=%s max=%s" % (ms(pct(l, .5)), ms(pct(l, .95)), ms(pct(l, .99)),
                                                               ms(l[-1] if l else None)))
    print("generator lag ms (POST start after its due time): p99=%s max=%s" % (
        ms(pct(g, .99)), ms(g[-1] if g else None)))
    print("message sends per person: %s; answered twice (same text twice): %d; typing indicators: %d" % (
        " ".join("%d:%d" % kv for kv in sorted(r["sends"].items())), r["dups"], r["typing"]))
    print("service gauge motcua.inbox.pending max: %s; stub: at most %d Send API calls in one second of this run, "
          "%d service connections since it started" % (
              r["max_pending"] if r["max_pending"] is not None else "n/a", r["stub_peak"], r["stub_connections"]))
    if r["cpu"]:
        print("cpu from the first POST to the end of the drain: " + r["cpu"])
    for text, values in r["by_text"].items():
        values.sort()
        print("  e2e first %-36s p50=%s p99=%s" % ('"%s"' % text, ms(pct(values, .5)), ms(pct(values, .99))))


def fmt_rate(rate):
    return "%g" % rate


def row(r):
    a, f, l = r["ack"], r["first"], r["last"]
    return ("| %s | %d | %d | %d | %d | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |" % (
        fmt_rate(r["rate"]), r["sent"], r["acked"], r["answered"], r["unanswered"],
        ms(pct(a, .5)), ms(pct(a, .95)), ms(pct(a, .99)),
        ms(pct(f, .5)), ms(pct(f, .95)), ms(pct(f, .99)), ms(f[-1] if f else None),
        ms(pct(l, .5)), ms(pct(l, .99)), r["dups"], ms(pct(r["lag"], .99))))


HEADER = ("| rate/s | sent | acked | answered | unanswered | ack p50 | ack p95 | ack p99 | e2e p50 | e2e p95 | e2e p99 "
          "| e2e max | last p50 | last p99 | dup | lag p99 |\n"
          "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")


def highest_under(rows, key, limit=1.0):
    """The highest rate of the sweep (in order, lowest first) before the first whose p99 is not under the limit."""
    best = None
    for r in sorted(rows, key=lambda r: r["rate"]):
        if r["errors"] or not pct(r[key], .99) < limit:
            break
        best = r["rate"]
    return "none" if best is None else "%s/s" % fmt_rate(best)


def closed_loop(a, stub):
    """Issue 2's measurement, unchanged: N deliveries from C clients that wait for their acknowledgements."""
    before = stub.progress()["message"]
    local = threading.local()

    def one(i):
        body, headers = delivery(a.secret, "load-%d" % (i % 200), TEXTS[i % len(TEXTS)])
        conn, code, t, done = post(getattr(local, "c", None), a.port, body, headers, a.timeout)
        local.c = conn
        assert code == 200, code
        return done - t

    start = CLOCK()
    with ThreadPoolExecutor(a.concurrency) as pool:
        lat = sorted(pool.map(one, range(a.requests)))
    elapsed = CLOCK() - start
    # Issue 2's figure: the time until the stub has seen as many message sends as there were deliveries. A turn now
    # sends 1-3 messages, so that comes before every turn is done: also wait until the stub has been quiet.
    deadline = CLOCK() + 60
    messages, drained = 0, None
    while CLOCK() < deadline:
        p = stub.progress("load")
        messages = p["message"] - before
        if drained is None and messages >= a.requests:
            drained = CLOCK() - start
        if drained is not None and p["now"] - p["last_message"] >= a.quiet:
            break
        time.sleep(0.1)
    last = p["last_message"] - start
    drained = drained if drained is not None else CLOCK() - start
    p = lambda q: lat[min(len(lat) - 1, int(q * len(lat)))] * 1000
    print("requests=%d concurrency=%d ack_rps=%.0f p50=%.1fms p95=%.1fms p99=%.1fms max=%.1fms" % (
        a.requests, a.concurrency, a.requests / elapsed, p(.5), p(.95), p(.99), lat[-1] * 1000))
    print("replies_at_stub=%d (>= one per delivery) all_answered_after=%.1fs" % (messages, drained))
    print("last message send %.1fs after the first POST (%d message sends, %.2f per delivery)" % (
        last, messages, messages / a.requests))


def stub_check(a, stub):
    """How fast the stub alone answers: N Send API calls from C kept-alive connections (no service needed)."""
    body = json.dumps({"recipient": {"id": "check-0"}, "messaging_type": "RESPONSE", "message": {
        "text": "Bạn có thể gọi 113 ngay bây giờ. " * 8,
        "quick_replies": [{"content_type": "text", "title": "Tìm nơi hỗ trợ", "payload": "P"}] * 4}}).encode()
    per_client = max(1, a.stub_check // a.concurrency)

    def client(k):
        c = http.client.HTTPConnection("127.0.0.1", a.stub_port, timeout=30)
        lat = []
        for _ in range(per_client):  # bounded
            t = CLOCK()
            c.request("POST", "/v25.0/me/messages?access_token=x", body, {"Content-Type": "application/json"})
            c.getresponse().read()
            lat.append(CLOCK() - t)
        c.close()
        return lat

    start = CLOCK()
    with ThreadPoolExecutor(a.concurrency) as pool:
        lat = sorted(x for part in pool.map(client, range(a.concurrency)) for x in part)
    elapsed = CLOCK() - start
    print("stub check: %d calls from %d connections, stub delay %g ms: %.0f calls/s, p50=%sms p99=%sms max=%sms" % (
        len(lat), a.concurrency, a.stub_delay, len(lat) / elapsed, ms(pct(lat, .5)), ms(pct(lat, .99)), ms(lat[-1])))


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    p.add_argument("--requests", type=int, default=2000, help="closed loop: deliveries (default 2000)")
    p.add_argument("--concurrency", type=int, default=8, help="closed loop: clients (default 8)")
    p.add_argument("--rate", type=float, help="open loop: new people per second")
    p.add_argument("--sweep", help="open loop at several rates, comma-separated, e.g. 50,100,200,300,400")
    p.add_argument("--duration", type=float, default=10, help="open loop: seconds per rate (default 10)")
    p.add_argument("--warmup", type=float, default=0,
                   help="open loop: seconds at the lowest rate before measuring, not reported (default 0)")
    p.add_argument("--pause", type=float, default=2, help="sweep: seconds between a drain and the next rate")
    p.add_argument("--drain", type=float, default=60,
                   help="open loop: longest wait for answers after the last POST, seconds (default 60)")
    p.add_argument("--quiet", type=float, default=1.0,
                   help="open loop: the drain ends early once all are answered and no send came for this long")
    p.add_argument("--clients", type=int, default=0,
                   help="open loop: client threads, one connection each (default max(16, rate/4), at most 256)")
    p.add_argument("--timeout", type=float, default=10, help="seconds to wait for one acknowledgement")
    p.add_argument("--port", type=int, default=8080)
    p.add_argument("--stub-port", type=int, default=18080)
    p.add_argument("--secret", default="load-secret")
    p.add_argument("--service-pid", type=int, default=0,
                   help="the service's process id: prints its CPU time per thread group for each run (Linux /proc)")
    p.add_argument("--stub-check", type=int, default=0, metavar="CALLS",
                   help="only measure the stub: CALLS Send API calls from --concurrency connections, no service")
    p.add_argument("--stub-delay", type=float, default=0,
                   help="milliseconds the stub waits before answering each Send API call (default 0)")
    a = p.parse_args()
    rates = []
    if a.sweep:
        rates = [float(x) for x in a.sweep.split(",") if x.strip()]
    elif a.rate:
        rates = [a.rate]
    if any(r <= 0 or r > 5000 for r in rates) or a.duration <= 0 or a.duration > 600 or a.drain > 600:
        sys.exit("rates must be in (0, 5000], --duration in (0, 600] and --drain at most 600")
    budget = (len(rates) + 1) * (a.duration + a.drain + a.pause + 2 * a.timeout + 30) + a.warmup + 120
    if not rates:
        budget = (a.requests + a.stub_check) * a.timeout / max(1, a.concurrency) + 180
    if not 0 <= a.stub_delay <= 30000:
        sys.exit("--stub-delay must be in [0, 30000] ms")
    stub = Stub(a.stub_port, budget, a.stub_delay / 1000)  # forked before any thread starts
    try:
        if a.stub_check > 0:
            stub_check(a, stub)
            return
        if not rates:
            closed_loop(a, stub)
            return
        if a.warmup > 0:
            warm = open_loop(a, stub, min(rates), a.warmup)
            print("warm-up: %s/s for %gs, %d answered, e2e p50 %s ms (not reported)" % (
                fmt_rate(warm["rate"]), a.warmup, warm["answered"], ms(pct(warm["first"], .5))), flush=True)
            time.sleep(a.pause)
        rows = []
        for k, rate in enumerate(rates):
            r = open_loop(a, stub, rate, a.duration)
            rows.append(r)
            print_run(r)
            print(flush=True)
            if k + 1 < len(rates):
                time.sleep(a.pause)
        print("open loop, %gs per rate, stub delay %g ms, drain at most %gs (latencies in ms; e2e = to the first "
              "message send, 'last' = to the last; 'inf' = not answered within the drain)" % (
                  a.duration, a.stub_delay, a.drain))
        print(HEADER)
        for r in rows:
            print(row(r))
        print("highest rate with e2e p99 < 1 s: %s (first message send), %s (last message send)" % (
            highest_under(rows, "first"), highest_under(rows, "last")))
    finally:
        stub.stop()


if __name__ == "__main__":
    main()
