#!/usr/bin/env python3
"""Measures how fast the Messenger webhook acknowledges signed deliveries.

Starts a stub Graph API on loopback, expects the service already running with MESSENGER_GRAPH_URL pointing at it
(see docs/performance.md), posts N signed deliveries from C concurrent clients to 127.0.0.1 only, and prints
acknowledgement latency percentiles and how many replies reached the stub. Bounded in count and time.

usage: messenger-webhook-load.py [--requests 2000] [--concurrency 8] [--port 8080] [--stub-port 18080]
"""
import argparse, hashlib, hmac, http.client, http.server, json, threading, time, uuid
from concurrent.futures import ThreadPoolExecutor

sent = {"messages": 0}
lock = threading.Lock()

class Stub(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        if b'"message"' in body:
            with lock:
                sent["messages"] += 1
        out = b'{"recipient_id":"x","message_id":"m"}'
        self.send_response(200); self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(out))); self.end_headers(); self.wfile.write(out)
    def log_message(self, *args):
        pass

def main():
    p = argparse.ArgumentParser()
    p.add_argument("--requests", type=int, default=2000)
    p.add_argument("--concurrency", type=int, default=8)
    p.add_argument("--port", type=int, default=8080)
    p.add_argument("--stub-port", type=int, default=18080)
    p.add_argument("--secret", default="load-secret")
    a = p.parse_args()
    stub = http.server.ThreadingHTTPServer(("127.0.0.1", a.stub_port), Stub)
    threading.Thread(target=stub.serve_forever, daemon=True).start()
    texts = ["chao ban", "chồng tôi hay đánh tôi", "cho mình xin số điện thoại hỗ trợ", "ly hon can giay to gi",
             "cuu toi voi anh ta dang danh toi", "toi can noi chuyen voi nhan vien"]
    local = threading.local()
    def post(i):
        if not hasattr(local, "c"):
            local.c = http.client.HTTPConnection("127.0.0.1", a.port, timeout=10)
        body = json.dumps({"object": "page", "entry": [{"id": "P", "time": 1, "messaging": [{
            "sender": {"id": "load-%d" % (i % 200)}, "recipient": {"id": "P"}, "timestamp": int(time.time() * 1000),
            "message": {"mid": "mid.%s" % uuid.uuid4(), "text": texts[i % len(texts)]}}]}]}).encode()
        sig = "sha256=" + hmac.new(a.secret.encode(), body, hashlib.sha256).hexdigest()
        t = time.perf_counter()
        local.c.request("POST", "/webhooks/messenger", body, {"Content-Type": "application/json", "X-Hub-Signature-256": sig})
        r = local.c.getresponse(); r.read()
        assert r.status == 200, r.status
        return time.perf_counter() - t
    start = time.perf_counter()
    with ThreadPoolExecutor(a.concurrency) as pool:
        lat = sorted(pool.map(post, range(a.requests)))
    elapsed = time.perf_counter() - start
    deadline = time.time() + 60
    while sent["messages"] < a.requests and time.time() < deadline:
        time.sleep(0.1)
    drained = time.perf_counter() - start
    pct = lambda q: lat[min(len(lat) - 1, int(q * len(lat)))] * 1000
    print("requests=%d concurrency=%d ack_rps=%.0f p50=%.1fms p95=%.1fms p99=%.1fms max=%.1fms" % (
        a.requests, a.concurrency, a.requests / elapsed, pct(.5), pct(.95), pct(.99), lat[-1] * 1000))
    print("replies_at_stub=%d (>= one per delivery) all_answered_after=%.1fs" % (sent["messages"], drained))
    stub.shutdown()

if __name__ == "__main__":
    main()
