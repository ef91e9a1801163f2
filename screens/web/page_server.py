"""The small HTTP servers a desk runs beside the terminal (the survey tablet page, the
lobby display and its ticket kiosk): a quiet handler base and a server in a daemon
thread. The stdlib server is enough: one page and a few JSON calls on the office LAN."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Self


class PageHandler(BaseHTTPRequestHandler):
    """Answers without logging to the console (the terminal belongs to the app)."""

    def log_message(self, format: str, *args: Any) -> None:
        return

    def _send(self, status: int, body: bytes, kind: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Cache-Control", "no-store")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _json(self, data: Any, status: int = 200) -> None:
        self._send(status, json.dumps(data).encode("utf-8"), "application/json")


class PageServer:
    """A handler class served on host:port, in a daemon thread named `name`."""

    def __init__(self, handler: type[BaseHTTPRequestHandler], host: str, port: int,
                 name: str) -> None:
        self.httpd = ThreadingHTTPServer((host, port), handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, name=name,
                                       daemon=True)

    @property
    def port(self) -> int:
        return int(self.httpd.server_address[1])

    def start(self) -> Self:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
