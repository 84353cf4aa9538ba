#!/usr/bin/python3
"""A real SMTP server for the mail tests (aiosmtpd), on 127.0.0.1.

Listens on <port> (plain, offers STARTTLS) and <port>+1 (TLS from the first
byte). Every accepted message is saved as <spool>/<n>.eml together with
<n>.json: what the server saw (envelope, TLS, AUTH) and the message as
Python's email package reads it (decoded headers, MIME parts). Tests assert
on that, so the encoding is checked by an independent parser.

Recipients steer the answer, so tests can provoke every outcome:
  tempfail*@...  -> 451 4.3.0 (try again later)
  reject*@...    -> 550 5.1.1 (no such user)
AUTH (PLAIN/LOGIN, only over TLS) accepts the user and password given.
"""
import argparse
import asyncio
import email
import email.policy
import itertools
import json
import os
import signal
import ssl
import threading

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


class SpoolHandler:
    def __init__(self, spool):
        self.spool = spool
        self.counter = itertools.count(1)
        self.lock = threading.Lock()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        local = address.split("@", 1)[0].lower()
        if local.startswith("tempfail"):
            return "451 4.3.0 Mailbox busy, try again later"
        if local.startswith("reject"):
            return "550 5.1.1 No such user here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        content = envelope.original_content or envelope.content
        message = email.message_from_bytes(content, policy=email.policy.default)
        transport = server.transport
        summary = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": envelope.rcpt_tos,
            "tls": session.ssl is not None
            or (transport is not None and transport.get_extra_info("ssl_object") is not None),
            "authenticated": bool(session.authenticated),
            "seven_bit": all(byte < 0x80 for byte in content),
            "headers": {name.lower(): str(message[name]) for name in message.keys()},
            "parts": [
                {
                    "content_type": part.get_content_type(),
                    "charset": part.get_content_charset(),
                    "text": part.get_content(),
                }
                for part in message.walk()
                if not part.is_multipart()
            ],
        }
        with self.lock:
            number = next(self.counter)
        base = os.path.join(self.spool, str(number))
        with open(base + ".eml.tmp", "wb") as raw:
            raw.write(content)
        with open(base + ".json.tmp", "w", encoding="utf-8") as out:
            json.dump(summary, out, ensure_ascii=False, indent=1)
        # The .json appears last and whole: a test that sees it can read both.
        os.replace(base + ".eml.tmp", base + ".eml")
        os.replace(base + ".json.tmp", base + ".json")
        return "250 2.0.0 Message accepted for delivery"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--spool", required=True)
    parser.add_argument("--cert", required=True)
    parser.add_argument("--key", required=True)
    parser.add_argument("--user", required=True)
    parser.add_argument("--password", required=True)
    args = parser.parse_args()

    def authenticate(server, session, envelope, mechanism, auth_data):
        ok = (
            isinstance(auth_data, LoginPassword)
            and auth_data.login.decode() == args.user
            and auth_data.password.decode() == args.password
        )
        # handled=False: aiosmtpd then answers 535 itself on failure.
        return AuthResult(success=ok, handled=False)

    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(args.cert, args.key)
    handler = SpoolHandler(args.spool)
    common = dict(hostname="127.0.0.1", authenticator=authenticate, auth_require_tls=True)
    starttls = Controller(handler, port=args.port, tls_context=context, **common)
    implicit = Controller(handler, port=args.port + 1, ssl_context=context, **common)
    starttls.start()
    implicit.start()

    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    print(f"smtp_sink: listening on 127.0.0.1:{args.port} (STARTTLS) and :{args.port + 1} (TLS)", flush=True)
    stop.wait()
    implicit.stop()
    starttls.stop()


if __name__ == "__main__":
    main()
