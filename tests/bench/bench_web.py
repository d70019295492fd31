#!/usr/bin/python3
"""bench_web.py - load driver of bench_web.sh: CLIENTS threads, each with its own keep-alive HTTPS
connection (http.client + ssl) and its own session cookie from signing in once, GET the inbox (/)
of the running akses-web REQS times each; then bench_web_floor (libmicrohttpd, same TLS setup, same
cert) is started serving a buffer of the inbox's byte size and gets the same load. Prints each
side's median, p99 and requests/s, and one summary line last.
Usage: bench_web.py URL STAFF PIN FLOOR_BIN CERT KEY [CLIENTS] [REQS]"""
import http.client
import re
import socket
import ssl
import subprocess
import sys
import threading
import time
import urllib.parse

WARMUP = 5  # requests per client before the clock starts (connections and caches warm)


def fail(msg):
    print("bench_web.py: " + msg, file=sys.stderr)
    sys.exit(1)


def connect(host, port):
    return http.client.HTTPSConnection(host, port, timeout=60,
                                       context=ssl._create_unverified_context())


def get(conn, path, sid):
    h = {"Cookie": "akses_sid=" + sid} if sid else {}
    conn.request("GET", path, headers=h)
    r = conn.getresponse()
    body = r.read()
    return r.status, body


def sign_in(conn, staff, pin):
    body = urllib.parse.urlencode({"staff": staff, "pin": pin, "lang": "en"})
    conn.request("POST", "/signin", body=body,
                 headers={"Content-Type": "application/x-www-form-urlencoded"})
    r = conn.getresponse()
    r.read()
    m = re.match(r"akses_sid=([0-9a-f]{64});", r.getheader("Set-Cookie") or "")
    if r.status != 303 or not m:
        fail("sign-in refused (%d)" % r.status)
    return m.group(1)


def load(host, port, sids, reqs, expect_len):
    """Every client (one per sid) on its own connection: WARMUP requests, a barrier, then reqs
    timed requests. Returns (sorted latencies in ms, wall seconds of the timed part)."""
    n = len(sids)
    lat = [[] for _ in range(n)]
    errors = []
    start = threading.Barrier(n + 1)
    done = threading.Barrier(n + 1)

    def client(i):
        try:
            conn = connect(host, port)
            for _ in range(WARMUP):
                get(conn, "/", sids[i])
        except Exception as e:  # noqa: BLE001 - reported below
            errors.append(repr(e))
        start.wait()
        try:
            for _ in range(reqs):
                t0 = time.perf_counter()
                st, body = get(conn, "/", sids[i])
                lat[i].append((time.perf_counter() - t0) * 1000.0)
                if st != 200 or len(body) != expect_len:
                    errors.append("status %d, %d bytes" % (st, len(body)))
                    break
            conn.close()
        except Exception as e:  # noqa: BLE001
            errors.append(repr(e))
        done.wait()

    threads = [threading.Thread(target=client, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    start.wait()
    t0 = time.perf_counter()
    done.wait()
    wall = time.perf_counter() - t0
    for t in threads:
        t.join()
    if errors:
        fail("%d failed requests, first: %s" % (len(errors), errors[0]))
    return sorted(x for li in lat for x in li), wall


def q(v, p):
    """nearest-rank quantile of a sorted list"""
    k = max(0, min(len(v) - 1, int(-(-p * len(v) // 1)) - 1))
    return v[k]


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    p = s.getsockname()[1]
    s.close()
    return p


def main():
    if len(sys.argv) < 7:
        fail(__doc__.splitlines()[-1])
    url, staff, pin, floor_bin, cert, key = sys.argv[1:7]
    clients = int(sys.argv[7]) if len(sys.argv) > 7 else 20
    reqs = int(sys.argv[8]) if len(sys.argv) > 8 else 100
    u = urllib.parse.urlsplit(url)

    # one sign-in per client, each its own session (akses-web allows 20 tries a minute per address)
    sids = []
    for _ in range(clients):
        c = connect(u.hostname, u.port)
        sids.append(sign_in(c, staff, pin))
        c.close()
    c = connect(u.hostname, u.port)
    st, page = get(c, "/", sids[0])
    c.close()
    if st != 200 or b'name="csrf"' not in page:
        fail("the inbox did not answer as a signed-in page (%d)" % st)
    size = len(page)
    listed = len(set(re.findall(rb"AKS-[0-9]{8}-[0-9]+", page)))

    ours, ours_wall = load(u.hostname, u.port, sids, reqs, size)

    port = free_port()
    floor = subprocess.Popen([floor_bin, cert, key, str(port), str(size)])
    try:
        for _ in range(100):  # bounded: 100 tries, 0.1 s apart
            try:
                c = connect("127.0.0.1", port)
                st, body = get(c, "/", None)
                c.close()
                if st == 200 and len(body) == size:
                    break
            except OSError:
                pass
            if floor.poll() is not None:
                fail("bench_web_floor exited")
            time.sleep(0.1)
        else:
            fail("bench_web_floor does not answer")
        base, base_wall = load("127.0.0.1", port, [""] * clients, reqs, size)
    finally:
        floor.terminate()
        floor.wait()

    total = clients * reqs
    rows = (("akses-web inbox", ours, ours_wall), ("libmicrohttpd floor", base, base_wall))
    print("bench_web: %d clients x %d keep-alive HTTPS GETs of a %d-byte inbox listing %d requests "
          "(after %d warm-up each); latency in ms" % (clients, reqs, size, listed, WARMUP))
    for name, v, wall in rows:
        print("  %-20s median %7.2f  p99 %7.2f  max %7.2f  %7.1f req/s" %
              (name, q(v, 0.5), q(v, 0.99), v[-1], total / wall))
    rps, brps = total / ours_wall, total / base_wall
    print("inbox, %d clients: %.0f req/s, median %.1f ms, p99 %.1f ms = %.2fx the floor's req/s "
          "(floor %.0f req/s, p99 %.1f ms), p99 %.2fx the floor's; load average %s" %
          (clients, rps, q(ours, 0.5), q(ours, 0.99), rps / brps, brps, q(base, 0.99),
           q(ours, 0.99) / q(base, 0.99), " ".join(open("/proc/loadavg").read().split()[:3])))


if __name__ == "__main__":
    main()
