#!/usr/bin/env python3
"""web.py - the browser and HTTP sides of the akses-web end-to-end tests.

walk1/walk2: a real headless Chromium (python3-selenium with Debian's chromium-driver) signs in as
each official over HTTPS and takes steps 2-6, then 9-12, of request $REQ from the console's pages.
refusals: plain HTTPS requests (http.client, the session cookie kept by hand) that must each be
refused with a clear page and leave the DB as it was.
The DB ($AKSES_DB: a SQLite file or a server's conninfo) is read only through tests/ctl/db_lib.sh,
as the shell scripts read it, so either backend reads the same way.
Environment: URL, AKSES_DB (and AKSES_TEST_DB on a server), AKSES_NOW_FILE, the staff ids KADIS
KABID KOORD TEKNIS HELPDESK, REQ and REQ2, and AKSES_WEB_SHOTS (a folder for screenshots, or unset)."""
import http.client
import os
import re
import ssl
import subprocess
import sys
import time
import urllib.parse

URL = os.environ["URL"]
PIN = {os.environ[k]: p for k, p in (("KADIS", "222222"), ("KABID", "333333"),
                                     ("KOORD", "444444"), ("HELPDESK", "666666"))}
REQ = os.environ["REQ"]
REQ2 = os.environ.get("REQ2", "")
SHOTS = os.environ.get("AKSES_WEB_SHOTS", "")
DB_LIB = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "ctl", "db_lib.sh")


def fail(msg):
    print("FAIL (web.py): " + msg, file=sys.stderr)
    sys.exit(1)


def now(t):
    """Move the running akses-web's clock (the test build reads AKSES_NOW_FILE each time)."""
    with open(os.environ["AKSES_NOW_FILE"], "w") as f:
        f.write(t + "\n")


# ---- the browser -------------------------------------------------------------------------------

def browser(w=1280, h=800):
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service
    o = Options()
    for a in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
              "--window-size=%d,%d" % (w, h), "--lang=en-US"):
        o.add_argument(a)
    o.binary_location = "/usr/bin/chromium"
    o.accept_insecure_certs = True
    o.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=o)


def by_id(d, i):
    from selenium.webdriver.common.by import By
    return d.find_element(By.ID, i)


def css(d, sel):
    from selenium.webdriver.common.by import By
    return d.find_elements(By.CSS_SELECTOR, sel)


def click_load(d, el):
    """Click el and wait (at most 20 s) until the page it submits to has replaced this one."""
    from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
    from selenium.webdriver.support.ui import WebDriverWait
    old = css(d, "html")[0]

    def replaced(_):
        # selenium's staleness_of, plus the answer Chromium sometimes gives instead of "stale"
        # when the old page is torn down mid-question (seen under load: "unhandled inspector
        # error: Node with given id does not belong to the document")
        try:
            old.is_enabled()
            return False
        except StaleElementReferenceException:
            return True
        except WebDriverException as e:
            if "does not belong to the document" in str(e):
                return True
            raise

    el.click()
    WebDriverWait(d, 20).until(replaced)
    WebDriverWait(d, 20).until(lambda x: x.execute_script("return document.readyState")
                               == "complete")


def sign_in(d, staff):
    d.get(URL + "/signin?lang=en")
    by_id(d, "staff").send_keys(staff)
    by_id(d, "pin").send_keys(PIN[staff])
    click_load(d, by_id(d, "go"))
    heads = css(d, "#inbox-head")
    if not heads:
        fail("sign-in as %s did not reach the inbox: %s" % (staff, d.page_source[:600]))


def sign_out(d):
    click_load(d, by_id(d, "signout"))
    if "/signin" not in d.current_url:
        fail("sign-out did not go back to the sign-in page: " + d.current_url)


def shot(d, name, w, h):
    if not SHOTS:
        return
    d.set_window_size(w, h)
    d.refresh()
    time.sleep(0.3)
    d.save_screenshot(os.path.join(SHOTS, name))


def act(d, code, text=None, urgency=None, escort=None):
    """Open $REQ's page and take the action `code` with its fields."""
    from selenium.webdriver.support.ui import Select
    d.get(URL + "/request/" + REQ)
    if not css(d, "#act-" + code):
        fail("%s is not offered on %s: %s" % (code, REQ, by_id(d, "actions").text))
    if text is not None:
        by_id(d, "text-" + code).send_keys(text)
    if urgency is not None:
        Select(by_id(d, "urgency-" + code)).select_by_value(urgency)
    if escort is not None:
        Select(by_id(d, "escort")).select_by_value(escort)
    click_load(d, by_id(d, "act-" + code))
    flash = css(d, "#flash")
    if not flash or "done" not in flash[0].text:
        fail("%s on %s: no confirmation: %s" % (code, REQ, re.sub(r".*<main>", "", d.page_source, flags=re.S)[:1200]))
    if any(REQ in r.text for r in css(d, "#inbox li")):
        fail("%s still waits in the inbox after %s" % (REQ, code))


def step(d, who, t, code, **kw):
    now(t)
    sign_in(d, who)
    act(d, code, **kw)
    sign_out(d)


def walk1():
    d = browser()
    try:
        # 08:05: step 2 is overdue by 2 minutes (REQ came at 08:00); REQ2 (08:04) has 2 left
        now("2026-11-29 08:05")
        sign_in(d, os.environ["KADIS"])
        rows = css(d, "#inbox li")
        if len(rows) != 2:
            fail("KADIS inbox has %d rows, expected 2" % len(rows))
        late = [r for r in rows if REQ in r.text]
        if not late or "late" not in late[0].get_attribute("class"):
            fail("the overdue request is not marked late")
        due = late[0].find_element("css selector", ".due")
        if due.value_of_css_property("color") not in ("rgba(179, 38, 30, 1)", "rgb(179, 38, 30)"):
            fail("overdue countdown is not red: " + due.value_of_css_property("color"))
        if not re.fullmatch(r"overdue 2:0\d", due.text):
            fail("overdue text: " + due.text)
        other = [r for r in rows if REQ2 in r.text][0].find_element("css selector", ".due")
        if not re.fullmatch(r"[12]:\d\d left", other.text):
            fail("countdown text: " + other.text)
        # the page reloads itself and countdown.js keeps counting (no CSP refusal of our script)
        if not css(d, 'meta[http-equiv="refresh"][content="30"]'):
            fail("the inbox does not refresh itself")
        t0 = other.text
        time.sleep(2.2)
        if other.text == t0:
            fail("the countdown did not count: still " + t0)
        errs = [e for e in d.get_log("browser") if e["level"] == "SEVERE"]
        if errs:
            fail("browser errors: %s" % errs)
        shot(d, "inbox-1280x800.png", 1280, 800)
        shot(d, "inbox-390x844.png", 390, 844)
        d.set_window_size(1280, 800)
        # the request: NIK and phone masked for the Kadis
        d.get(URL + "/request/" + REQ)
        if by_id(d, "nik").text != "317105******0003":
            fail("KADIS sees NIK " + by_id(d, "nik").text)
        if "7890" in by_id(d, "phone").text:
            fail("KADIS sees the phone's last digits: " + by_id(d, "phone").text)
        shot(d, "request-1280x800.png", 1280, 800)
        shot(d, "request-390x844.png", 390, 844)
        d.set_window_size(1280, 800)
        act(d, "dispose-kadis", text="Mohon segera diproses", urgency="segera")
        sign_out(d)
        step(d, os.environ["KABID"], "2026-11-29 08:06", "dispose-kabid")
        # the Koordinator verifying sees the whole NIK and phone
        now("2026-11-29 08:08")
        sign_in(d, os.environ["KOORD"])
        d.get(URL + "/request/" + REQ)
        if by_id(d, "nik").text != "3171054501900003":
            fail("KOORDINATOR verifying sees NIK " + by_id(d, "nik").text)
        if "7890" not in by_id(d, "phone").text:
            fail("KOORDINATOR verifying sees phone " + by_id(d, "phone").text)
        act(d, "verify", text="NIK dan surat sesuai")
        sign_out(d)
        step(d, os.environ["KABID"], "2026-11-29 08:10", "approve")
        step(d, os.environ["KOORD"], "2026-11-29 08:12", "assign", escort=os.environ["TEKNIS"])
        step(d, os.environ["HELPDESK"], "2026-11-29 08:14", "record")
    finally:
        d.quit()


def walk2():
    d = browser(390, 844)  # the second half from a phone-sized window
    try:
        step(d, os.environ["HELPDESK"], "2026-11-29 11:00", "report",
             text="Audit rak selesai;\ntidak ada temuan.")
        step(d, os.environ["KOORD"], "2026-11-29 11:02", "forward-koord")
        step(d, os.environ["KABID"], "2026-11-29 11:05", "forward-kabid")
        step(d, os.environ["KADIS"], "2026-11-29 11:09", "receive")
    finally:
        d.quit()


# ---- plain HTTPS -------------------------------------------------------------------------------

class Client:
    """One browser-like client: the session cookie kept by hand, nothing followed."""

    def __init__(self):
        u = urllib.parse.urlsplit(URL)
        self.host, self.port = u.hostname, u.port
        self.sid = None

    def req(self, method, path, body=None, raw=False, headers=None):
        c = http.client.HTTPSConnection(self.host, self.port, timeout=30,
                                        context=ssl._create_unverified_context())
        h = dict(headers or {})
        if self.sid:
            h["Cookie"] = "akses_sid=" + self.sid
        if body is not None:
            h["Content-Type"] = "application/x-www-form-urlencoded"
            if not raw:
                body = urllib.parse.urlencode(body)
            if isinstance(body, str):
                body = body.encode()
        c.request(method, path, body=body, headers=h)
        r = c.getresponse()
        text = r.read().decode("utf-8", "replace")
        ck = r.getheader("Set-Cookie") or ""
        m = re.match(r"akses_sid=([0-9a-f]{64});", ck)
        if m:
            self.sid = m.group(1)
        c.close()
        return r.status, r, text

    def sign_in(self, staff, pin=None):
        return self.req("POST", "/signin", {"staff": staff, "pin": pin or PIN[staff],
                                            "lang": "en"})

    def csrf(self):
        st, _, text = self.req("GET", "/")
        m = re.search(r'name="csrf" value="([0-9a-f]{64})"', text)
        if st != 200 or not m:
            fail("no CSRF token on the inbox (%d): %s" % (st, text[:300]))
        return m.group(1)


def db(fn, *args):
    """The output (bytes) of FN ARGS... of tests/ctl/db_lib.sh (sql, sql_hex, snapshot) on
    $AKSES_DB: the one way this file reads the DB, on either backend."""
    r = subprocess.run(["bash", "-c", '. "$0"; "$@"', DB_LIB, fn] + list(args),
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=120)
    if r.returncode != 0:
        fail("reading the DB (%s) failed: %s" % (fn, r.stderr.decode("utf-8", "replace")))
    return r.stdout


def snapshot():
    """The DB without what a sign-in legitimately leaves (tests/ctl/db_lib.sh's snapshot)."""
    return db("snapshot")


def refused(name, got, status, words, before):
    st, r, text = got
    if st != status:
        fail("%s: status %d, expected %d: %s" % (name, st, status, text[:400]))
    for w in words:
        if w not in text:
            fail("%s: the page lacks '%s': %s" % (name, w, text[:600]))
    for h in ("Content-Security-Policy", "Strict-Transport-Security", "X-Content-Type-Options",
              "Referrer-Policy"):
        if not r.getheader(h):
            fail("%s: no %s header" % (name, h))
    if snapshot() != before:
        fail("%s: the DB changed" % name)
    print("refused as it should: " + name)


def refusals():
    kadis, kabid = os.environ["KADIS"], os.environ["KABID"]
    now("2026-11-29 08:01")
    before = snapshot()
    act_path = "/request/%s/act" % REQ

    # a POST without its CSRF token, and with a wrong one
    c = Client()
    if c.sign_in(kadis)[0] != 303 or not c.sid:
        fail("KADIS could not sign in")
    refused("POST without CSRF", c.req("POST", act_path, {"act": "dispose-kadis"}), 403,
            ["security token", "Nothing was changed"], before)
    refused("POST with a wrong CSRF", c.req("POST", act_path, {"act": "dispose-kadis",
            "csrf": "0" * 64}), 403, ["security token"], before)
    refused("sign-out without CSRF", c.req("POST", "/signout", {}), 403, ["security token"],
            before)
    token = c.csrf()

    # bad input, as the Kadis whose step it is
    refused("oversized body", c.req("POST", act_path, {"act": "dispose-kadis", "csrf": token,
            "text": "x" * 20000}), 413, ["Nothing was changed"], before)
    refused("broken UTF-8", c.req("POST", act_path, "act=dispose-kadis&csrf=%s&text=%%FF%%FEab"
            % token, raw=True), 400, ["UTF-8", "Nothing was changed"], before)
    refused("broken escape", c.req("POST", act_path, "act=dispose-kadis&csrf=%s&text=%%G1"
            % token, raw=True), 400, ["Nothing was changed"], before)
    refused("unknown request page", c.req("GET", "/request/AKS-20261129-99999"), 404,
            ["No request has this number"], before)
    refused("unknown request action", c.req("POST", "/request/AKS-20261129-99999/act",
            {"act": "dispose-kadis", "csrf": token}), 404, ["No request has this number"], before)
    refused("unknown page", c.req("GET", "/nothing/here"), 404, ["no such page"], before)
    script = "<script>alert(1)</script>"
    for field, data, status in (
            ("act", {"act": script}, 400),
            ("urgency", {"act": "dispose-kadis", "urgency": script}, 400),
            ("escort", {"act": "assign", "escort": script}, 400),
    ):
        data["csrf"] = token
        got = c.req("POST", act_path, data)
        refused("script in " + field, got, status, ["Nothing was changed"], before)
        if "<script>alert" in got[2]:
            fail("script in %s came back unescaped" % field)
    got = c.req("POST", "/request/%3Cscript%3Ealert(1)%3C%2Fscript%3E/act",
                {"act": "dispose-kadis", "csrf": token})
    refused("script in the number", got, 404, ["Nothing was changed"], before)
    if "<script>alert" in got[2]:
        fail("script in the number came back unescaped")
    got = Client().req("POST", "/signin", {"staff": script, "pin": script, "lang": "en"})
    refused("script in the sign-in", got, 403, ["staff number or the PIN is wrong"], before)
    if "<script>alert" in got[2]:
        fail("script in the sign-in came back unescaped")

    # a wrong role's action: the Kabid tries the Kadis's step 2, and to approve before step 4
    b = Client()
    if b.sign_in(kabid)[0] != 303:
        fail("KABID could not sign in")
    bt = b.csrf()
    refused("wrong role (dispose-kadis as KABID)", b.req("POST", act_path,
            {"act": "dispose-kadis", "csrf": bt}), 403, ["Your role may not"], before)
    refused("wrong state (approve at step 1)", b.req("POST", act_path,
            {"act": "approve", "csrf": bt}), 409, ["does not apply"], before)

    # an expired session: 11 minutes later the same cookie and token are refused
    now("2026-11-29 08:12")
    # with no session the page is in the config's language, Indonesian
    refused("expired session (GET)", c.req("GET", "/"), 401, ["setelah 10 menit"], before)
    refused("expired session (POST)", b.req("POST", act_path, {"act": "dispose-kadis",
            "csrf": bt}), 401, ["Silakan masuk lagi", "Tidak ada yang diubah"], before)

    # a locked account: 5 wrong PINs at the console, then even the right one is refused
    x = Client()
    for _ in range(5):
        st, _, text = x.sign_in(kabid, "999999")
        if st != 403 or "wrong" not in text:
            fail("wrong PIN: %d %s" % (st, text[:300]))
    st, _, text = x.sign_in(kabid, "999998")
    if "Too many wrong PINs" not in text:
        fail("6th wrong PIN not throttled: " + text[:300])
    st, _, text = x.sign_in(kabid)
    if st != 403 or "Too many wrong PINs" not in text or x.sid:
        fail("the locked account signed in: %d %s" % (st, text[:400]))
    if snapshot() != before:
        fail("locked account: the DB changed beyond the sign-in records")
    print("refused as it should: locked account")

    # text with markup is text: taken, and shown escaped
    now("2026-11-29 08:13")
    k = Client()
    k.sign_in(kadis)
    st, _, _ = k.req("POST", act_path, {"act": "dispose-kadis", "csrf": k.csrf(),
                                         "text": script, "urgency": "biasa"})
    if st != 303:
        fail("dispose with markup in its instruction: %d" % st)
    st, _, text = k.req("GET", "/request/" + REQ)
    if "<script>alert" in text or "&lt;script&gt;alert(1)&lt;/script&gt;" not in text:
        fail("the instruction is not shown escaped")
    print("markup in a text is shown escaped")


def desk():
    """The Helpdesk's pages: who is inside, the day's log, the audit check; others refused."""
    h = Client()
    if h.sign_in(os.environ["HELPDESK"])[0] != 303:
        fail("HELPDESK could not sign in")
    st, _, text = h.req("GET", "/")
    for nav in ("nav-inside", "nav-log", "nav-audit"):
        if nav not in text:
            fail("the Helpdesk's inbox lacks " + nav)
    st, _, text = h.req("GET", "/inside")
    if st != 200 or "Inside now: 1" not in text or REQ not in text or "Nurul &#39;Aini" not in text:
        fail("inside: %d %s" % (st, text[-900:]))
    st, _, text = h.req("GET", "/log?day=2026-11-29")
    if st != 200 or "1 visits, 1 people, 0 denied scans, 1 inside" not in text:
        fail("log: %d %s" % (st, text[-900:]))
    st, _, text = h.req("GET", "/log?day=2026-13-45")
    if st != 400:
        fail("a bad day gave %d" % st)
    st, _, text = h.req("GET", "/audit")
    if st != 200 or not re.search(r"Intact: \d+ rows, head \d+:[0-9a-f]{16}", text):
        fail("audit: %d %s" % (st, text[-600:]))
    st, _, text = h.req("GET", "/compliance?from=2026-11-29&to=2026-11-29")
    if st != 200 or not re.search(r'<tr[^>]*><td>2</td>', text) or 'class="meter w' not in text:
        fail("compliance: %d %s" % (st, text[-900:]))
    st, _, text = h.req("GET", "/compliance?from=2026-02-30&to=2026-11-29")
    if st != 400:
        fail("compliance for a day that does not exist gave %d" % st)
    # print: the day's log as a PDF download, who is inside to the CUPS queue PDF, the jobs
    t = h.csrf()
    st, r, text = h.req("POST", "/print", {"csrf": t, "doc": "log", "how": "pdf",
                                           "day": "2026-11-29"})
    if st != 200 or r.getheader("Content-Type") != "application/pdf" or not text.startswith("%PDF"):
        fail("log as PDF: %d %s" % (st, r.getheader("Content-Type")))
    if "attachment" not in (r.getheader("Content-Disposition") or ""):
        fail("the PDF is not a download")
    st, _, _ = h.req("POST", "/print", {"csrf": t, "doc": "inside", "how": "queue",
                                        "queue": "PDF"})
    if st != 303:
        fail("inside to the queue: %d" % st)
    st, _, text = h.req("GET", "/print")
    if not re.search(r"Sent to PDF as job \d+\.", text) or text.count("<tr>") < 2:
        fail("the print jobs: " + text[-900:])
    before = snapshot()
    refused("print an unknown document", h.req("POST", "/print", {"csrf": t, "doc": "staffcard",
            "how": "pdf"}), 400, ["Nothing was printed"], before)
    refused("print an unknown request's report", h.req("POST", "/print", {"csrf": t,
            "doc": "report", "how": "pdf", "number": "AKS-20261129-99999"}), 400,
            ["Nothing was printed"], before)
    refused("print without CSRF", h.req("POST", "/print", {"doc": "log", "how": "pdf"}), 403,
            ["security token"], before)
    # Indonesian by default, English by ?lang=en, and the session's switch
    st, _, text = Client().req("GET", "/signin")
    if "Masuk ke konsol Akses" not in text or 'lang="id"' not in text:
        fail("the sign-in page is not Indonesian by default")
    st, _, text = h.req("POST", "/lang", {"lang": "id", "csrf": h.csrf()})
    st, _, text = h.req("GET", "/")
    if "Menunggu Anda: 0" not in text or "Di dalam sekarang" not in text:
        fail("the switch to Indonesian: " + text[-600:])
    k = Client()
    k.sign_in(os.environ["KADIS"])
    for page in ("/inside", "/log", "/audit", "/print", "/compliance"):
        st, _, text = k.req("GET", page)
        if st != 403 or "Your role may not" not in text:
            fail("KADIS at %s: %d" % (page, st))
        if "Nurul" in text:
            fail("KADIS saw who is inside")
    print("desk: ok")


def branches():
    """The NO branches from the console: a rejection and a cancellation need their reason; a PIN
    an ADMIN set is changed by its owner at the console's sign-in."""
    rej, can = os.environ["REQ_REJECT"], os.environ["REQ_CANCEL"]
    b = Client()
    if b.sign_in(os.environ["KABID"])[0] != 303:
        fail("KABID could not sign in")
    before = snapshot()
    st, _, text = b.req("GET", "/request/" + rej)
    if 'id="act-reject"' not in text or 'id="act-approve"' not in text:
        fail("KABID at step 5 is not offered approve and reject")
    refused("reject without a reason", b.req("POST", "/request/%s/act" % rej,
            {"act": "reject", "csrf": b.csrf(), "text": "   "}), 400,
            ["This field is required", "Nothing was changed"], before)
    st, _, _ = b.req("POST", "/request/%s/act" % rej, {"act": "reject", "csrf": b.csrf(),
                     "text": "Jadwal bentrok dengan pemeliharaan"})
    if st != 303:
        fail("reject with a reason: %d" % st)
    k = Client()
    k.sign_in(os.environ["KOORD"])
    before = snapshot()
    refused("cancel without a reason", k.req("POST", "/request/%s/act" % can,
            {"act": "cancel", "csrf": k.csrf()}), 400, ["Nothing was changed"], before)
    st, _, _ = k.req("POST", "/request/%s/act" % can, {"act": "cancel", "csrf": k.csrf(),
                     "text": "Pemohon minta dibatalkan"})
    if st != 303:
        fail("cancel with a reason: %d" % st)
    # the reset PIN: refused alone, asked for a new one, then signed in with it
    x = Client()
    st, _, text = x.sign_in(os.environ["HELPDESK"], "777777")
    if st != 400 or 'id="newpin"' not in text or x.sid:
        fail("a reset PIN was not asked to be changed: %d %s" % (st, text[-500:]))
    st, _, text = x.req("POST", "/signin", {"staff": os.environ["HELPDESK"], "pin": "777777",
                        "newpin": "868686", "again": "868687", "lang": "en"})
    if st != 400 or "differ" not in text or x.sid:
        fail("two different new PINs: %d" % st)
    st, _, text = x.req("POST", "/signin", {"staff": os.environ["HELPDESK"], "pin": "777777",
                        "newpin": "868686", "again": "868686", "lang": "en"})
    if st != 303 or not x.sid:
        fail("the new PIN did not sign in: %d %s" % (st, text[-500:]))
    print("branches: ok")


def reprint():
    """The Helpdesk reprints person 2's pass from the print page (the request's people to pick,
    a reason, the queue PDF) and reissues the receipt; refused without a reason, for a request
    without passes, for an unknown person and for another role, the DB unchanged."""
    req, bare = os.environ["REQ"], os.environ["BARE"]
    h = Client()
    if h.sign_in(os.environ["HELPDESK"])[0] != 303:
        fail("HELPDESK could not sign in")
    st, _, text = h.req("GET", "/request/" + req)
    if 'id="print-link" href="/print?number=%s"' % req not in text:
        fail("the request page does not lead the Helpdesk to its print page: " + text[-900:])
    st, _, text = h.req("GET", "/print?number=" + req)
    if st != 200 or 'value="badge"' not in text or 'value="receipt"' not in text:
        fail("the print page offers no pass or receipt: %d %s" % (st, text[-900:]))
    if not re.search(r'<select id="person" name="person">.*<option value="2">2\. Siti Rahma'
                     r'</option>', text) or 'id="reason"' not in text:
        fail("the print page does not offer the request's people and a reason: " + text[-1200:])
    t = h.csrf()
    badge = {"csrf": t, "doc": "badge", "how": "queue", "queue": "PDF", "number": req,
             "person": "2"}
    before = snapshot()
    refused("reprint a pass without a reason", h.req("POST", "/print", dict(badge, reason="  ")),
            400, ["This field is required", "Nothing was printed"], before)
    refused("reprint a pass of a request without passes", h.req("POST", "/print",
            dict(badge, number=bare, person="0", reason="Kartu hilang")), 400,
            ["Nothing was printed"], before)
    refused("reprint a person the request does not have", h.req("POST", "/print",
            dict(badge, person="7", reason="Kartu hilang")), 400, ["Nothing was printed"], before)
    k = Client()
    k.sign_in(os.environ["KADIS"])
    refused("a KADIS reprints a pass", k.req("POST", "/print", dict(badge, csrf=k.csrf(),
            reason="Kartu hilang")), 403, ["Your role may not"], before)
    st, _, text = h.req("POST", "/print", dict(badge, reason="Kartu hilang di lobi"))
    if st != 303:
        fail("the reprint with a reason: %d %s" % (st, text[-900:]))
    st, _, text = h.req("GET", "/print")
    m = re.search(r"Sent to PDF as job (\d+)\.", text)
    if not m or "Visitor pass" not in text:
        fail("the reprint's job: " + text[-900:])
    print("JOB=" + m.group(1))
    # the receipt: reissued with a new token, as aksesctl print receipt --as
    q = "SELECT %s FROM request WHERE number = '%s'" % (
        db("sql_hex", "receipt_hash").decode().strip(), req)
    old = db("sql", q)
    if not re.fullmatch(rb"[0-9a-f]{64}\n", old):
        fail("the receipt has no token hash: %r" % old)
    st, r, text = h.req("POST", "/print", {"csrf": t, "doc": "receipt", "how": "pdf",
                                           "number": req})
    if st != 200 or r.getheader("Content-Type") != "application/pdf" or not text.startswith("%PDF"):
        fail("the receipt as PDF: %d %s" % (st, text[:300]))
    if db("sql", q) == old:
        fail("the reissued receipt kept its old token")
    print("reprint: ok")


if __name__ == "__main__":
    {"walk1": walk1, "walk2": walk2, "refusals": refusals, "desk": desk,
     "branches": branches, "reprint": reprint}[sys.argv[1]]()
