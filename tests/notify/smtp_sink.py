#!/usr/bin/python3
# smtp_sink.py PORT DIR - a real SMTP server (aiosmtpd) on 127.0.0.1:PORT that writes each message it
# accepts to DIR/<n>.eml, headed by "X-Rcpt: <address>" lines (the envelope's recipients), and
# runs until SIGTERM. DIR/ready appears once it accepts connections.
import os
import signal
import sys
import threading

from aiosmtpd.controller import Controller


class FolderHandler:
    def __init__(self, folder):
        self.folder = folder
        self.count = 0
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.count += 1
            name = os.path.join(self.folder, "%d-%d.eml" % (os.getpid(), self.count))
        head = "".join("X-Rcpt: %s\r\n" % r for r in envelope.rcpt_tos)
        with open(name + ".tmp", "wb") as f:
            f.write(head.encode() + envelope.original_content)
        os.rename(name + ".tmp", name)
        return "250 Message accepted for delivery"


def main():
    port, folder = int(sys.argv[1]), sys.argv[2]
    os.makedirs(folder, exist_ok=True)
    ctl = Controller(FolderHandler(folder), hostname="127.0.0.1", port=port)
    ctl.start()
    open(os.path.join(folder, "ready"), "w").close()
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    while not stop.wait(0.2):
        pass
    ctl.stop()


if __name__ == "__main__":
    main()
