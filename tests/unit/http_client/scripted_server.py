"""A loopback HTTP(S) server whose answers the HTTP client tests script.

  POST /__script  {"responses": [{"status": 429, "headers": {"Retry-After": "2"}, "body": "..."}],
                   "token_responses": [...]}
                  queues answers for the next API requests / token requests (FIFO); unscripted
                  API requests get 200 {"ok": true}; {"close": true} drops the connection unanswered
  POST /__token   {"expires_in": 3600}  lifetime of tokens issued by POST /token
  GET  /__requests   {"requests": [{"method", "path", "headers", "body", "peer_port"}]}  all but /__ paths
  POST /token     {"access_token": "token-<n>", "expires_in": ...} (counted in /__requests too)

Started by the test with --port-file; --cert/--key switch it to https.
"""

import argparse
import json
import os
import signal
import ssl
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

lock = threading.Lock()
script: list[dict] = []
token_script: list[dict] = []
recorded: list[dict] = []
token_state = {"issued": 0, "expires_in": 3600}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format, *args):  # noqa: A002 - quiet
        pass

    def answer(self, status: int, body: bytes, headers: dict | None = None) -> None:
        self.send_response(status)
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def dispatch(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        if self.path.startswith("/__"):
            self.control(body)
            return
        with lock:
            recorded.append({"method": self.command, "path": self.path,
                             "headers": {k.lower(): v for k, v in self.headers.items()},
                             "body": body.decode("utf-8", "replace"), "peer_port": self.client_address[1]})
            is_token = self.path.startswith("/token")
            queue = token_script if is_token else script
            scripted = queue.pop(0) if queue else None
            if scripted is None and is_token:
                token_state["issued"] += 1
                scripted = {"status": 200, "body": json.dumps(
                    {"access_token": f"token-{token_state['issued']}", "expires_in": token_state["expires_in"]})}
        if scripted is None:
            scripted = {"status": 200, "body": json.dumps({"ok": True, "path": self.path})}
        if scripted.get("close"):
            self.close_connection = True
            self.wfile.flush()
            self.connection.shutdown(2)  # a network error: no answer at all
            return
        self.answer(int(scripted["status"]), scripted.get("body", "").encode("utf-8"), scripted.get("headers"))

    def control(self, body: bytes) -> None:
        payload = json.loads(body) if body else {}
        with lock:
            if self.path == "/__script":
                script.extend(payload.get("responses", []))
                token_script.extend(payload.get("token_responses", []))
            elif self.path == "/__token":
                token_state["expires_in"] = int(payload["expires_in"])
            elif self.path == "/__requests":
                self.answer(200, json.dumps({"requests": recorded}).encode("utf-8"))
                return
            else:
                self.answer(404, b"{}")
                return
        self.answer(200, b"{}")

    do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = dispatch


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--port-file", required=True)
    parser.add_argument("--cert")
    parser.add_argument("--key")
    args = parser.parse_args()
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    if args.cert:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(args.cert, args.key)
        server.socket = context.wrap_socket(server.socket, server_side=True)
    temporary = args.port_file + ".tmp"
    with open(temporary, "w", encoding="ascii") as handle:
        handle.write(str(server.server_address[1]))
    os.replace(temporary, args.port_file)
    signal.signal(signal.SIGTERM, lambda *_: threading.Thread(target=server.shutdown, daemon=True).start())
    server.serve_forever(poll_interval=0.2)


if __name__ == "__main__":
    main()
