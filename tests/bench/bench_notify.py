#!/usr/bin/python3
"""bench_notify.py - driver of bench_notify.sh: a real SMTP server (aiosmtpd, in this process) that
notes the wall time it accepts each mail; first the floor, EVENTS plain mails sent one by one with
smtplib (connect, EHLO, MAIL, RCPT, DATA, QUIT); then akses-notify started in its loop (poll
POLL s) and EVENTS requests submitted one at a time with aksesctl, each one event (the applicant's
"submitted" mail): committed = the moment aksesctl returned, accepted = the server's DATA handler.
Before each submit a pseudo-random pause of 0..POLL s (fixed seed), so that the events do not fall
at one fixed phase of the poll. Prints median, p99 and max of both, and one summary line last.
Usage: bench_notify.py AKSESCTL AKSES_NOTIFY CONFIG PORT POLL [EVENTS]   (AKSES_DB set)"""
import datetime
import random
import smtplib
import subprocess
import sys
import threading
import time
from email.message import EmailMessage

from aiosmtpd.controller import Controller


class Stamp:
    """Notes when each recipient's mail was accepted (time.time(), comparable across processes)."""

    def __init__(self):
        self.at = {}
        self.cv = threading.Condition()

    async def handle_DATA(self, server, session, envelope):
        t = time.time()
        with self.cv:
            for r in envelope.rcpt_tos:
                self.at[r] = t
            self.cv.notify_all()
        return "250 Message accepted for delivery"

    def wait(self, rcpt, timeout):
        with self.cv:
            self.cv.wait_for(lambda: rcpt in self.at, timeout)
            return self.at.get(rcpt)


def fail(msg):
    print("bench_notify.py: " + msg, file=sys.stderr)
    sys.exit(1)


def q(v, p):
    """nearest-rank quantile of a sorted list"""
    k = max(0, min(len(v) - 1, -int(-p * len(v) // 1) - 1))
    return v[k]


def main():
    if len(sys.argv) < 6:
        fail(__doc__.splitlines()[-1])
    ctl, notify, config, port, poll = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), \
        int(sys.argv[5])
    events = int(sys.argv[6]) if len(sys.argv) > 6 else 50
    stamp = Stamp()
    server = Controller(stamp, hostname="127.0.0.1", port=port)
    server.start()
    rnd = random.Random(12)
    proc = None
    try:
        # the floor: one plain mail by smtplib, the whole SMTP conversation, EVENTS times
        floor = []
        for i in range(events):
            m = EmailMessage()
            m["From"], m["To"], m["Subject"] = "akses@dinas.example", "floor%d@x.example" % i, "t"
            m.set_content("Permohonan AKS-20261130-00001 menunggu tindakan Anda.\n")
            t0 = time.time()
            with smtplib.SMTP("127.0.0.1", port, timeout=10) as s:
                s.send_message(m)
            t1 = stamp.wait("floor%d@x.example" % i, 10)
            if t1 is None:
                fail("the SMTP server did not accept the plain mail")
            floor.append((time.time() - t0) * 1000.0)

        proc = subprocess.Popen([notify, "--config", config, "--lang", "en"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        day = (datetime.date.today() + datetime.timedelta(days=1)).isoformat()
        lat = []
        for i in range(events):
            time.sleep(rnd.uniform(0, poll))
            rcpt = "bench%d@example.co.id" % i
            r = subprocess.run(
                [ctl, "--lang", "en", "request", "submit", "--name", "Pemohon Nomor %d" % i,
                 "--nik", "31710545019%05d" % (i + 1), "--institution", "PT Maju Jaya",
                 "--phone", "0812-3456-7890", "--email", rcpt, "--category", "maintenance",
                 "--purpose", "Ganti hard disk server aplikasi", "--start", day + " 10:00",
                 "--end", day + " 12:00", "--equipment", "Laptop", "--consent"],
                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            committed = time.time()
            if r.returncode != 0:
                fail("submit %d: %s" % (i, r.stderr.decode(errors="replace").strip()))
            accepted = stamp.wait(rcpt, 10 * poll + 30)  # bounded: far beyond a few rounds
            if accepted is None:
                fail("event %d: no mail (akses-notify: %s)" % (
                    i, "running" if proc.poll() is None else "exited"))
            lat.append((accepted - committed) * 1000.0)
    finally:
        if proc:
            proc.terminate()
            proc.wait()
        server.stop()
    floor.sort()
    lat.sort()
    print("bench_notify: %d events, akses-notify polling every %d s; latency in ms" % (events, poll))
    print("  %-36s median %8.1f  p99 %8.1f  max %8.1f" % (
        "step committed -> mail accepted", q(lat, 0.5), q(lat, 0.99), lat[-1]))
    print("  %-36s median %8.1f  p99 %8.1f  max %8.1f" % (
        "plain mail by smtplib (the floor)", q(floor, 0.5), q(floor, 0.99), floor[-1]))
    # the mean wait for the next round is POLL/2 s, whatever the code does: the floor of the median
    print("notify, %d events, poll %d s: median %.0f ms, p99 %.0f ms = the poll's own wait (median "
          "%d ms, at most %d ms) + %.0f ms; one plain SMTP mail %.1f ms median (p99 %.1f); load "
          "average %s" % (events, poll, q(lat, 0.5), q(lat, 0.99), poll * 500, poll * 1000,
                          q(lat, 0.5) - poll * 500, q(floor, 0.5), q(floor, 0.99),
                          " ".join(open("/proc/loadavg").read().split()[:3])))

if __name__ == "__main__":
    main()
