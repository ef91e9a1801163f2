"""The lobby display: a page for the waiting room's TV, served by a desk process (or
by `loket antrean layar` on the display PC itself).

A plain HTML page rather than textual-serve: a TV's browser needs big type that
scales to the screen, colour and sound, and must run for days unattended; a
terminal-in-a-browser gives monospace cells, a websocket session per viewer and a
Python process behind each, and cannot play the spoken call. The page polls
`/api/keadaan` four times a second; the board re-reads the day's queue file only
when it was replaced (a `stat`), so polling costs next to nothing and a call made at
any desk writing to this data folder shows within a quarter of a second.

The spoken call is a WAV made by espeak-ng on demand (`/api/suara/<call id>.wav`)
and played by the page, so it sounds where the screen is.
"""

from __future__ import annotations

import json
import re
import tempfile
import threading
from collections.abc import Callable
from datetime import date
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler
from importlib import resources
from pathlib import Path
from typing import Any, Protocol

from counter.errors import LoketError
from counter.queue import rules as R
from counter.queue.events import QueueEvent
from counter.queue.settings import QueueSettings
from counter.queue.speech import spoken_call
from counter.texts import queue as T
from screens.web.lobby_voice import VoiceError, speak_to_file
from screens.web.page_server import PageHandler, PageServer

LAST_CALLS = 6
_WAV = re.compile(r"^/api/suara/([0-9A-Z]{26})\.wav$")


class QueueDays(Protocol):
    """What the display reads of the queue: the local store, or the same kept in step
    with the office server (`store.sync.queue_server.SyncedQueueStore`)."""

    def read(self, day: date) -> list[QueueEvent]: ...

    def version(self, day: date) -> tuple[int, ...] | None: ...


class LobbyBoard:
    """Today's queue as the display shows it; folded again only when the file changed."""

    def __init__(self, store: QueueDays, settings: QueueSettings, today: Callable[[], date],
                 title: str = "", zone: str = "Asia/Jakarta",
                 take: Callable[[str], Any] | None = None) -> None:
        self.store, self.settings, self.today, self.title = store, settings, today, title
        self.zone = zone  # the office's clock on the TV, whatever the TV's own zone
        self.take = take  # the self-service page's ticket (QueueDesk.take); None: no kiosk
        self._lock = threading.Lock()
        self._key: tuple[date, Any] | None = None
        self._state: dict[str, Any] = {}
        self._calls: dict[str, R.Call] = {}
        self.voice_dir = Path(tempfile.mkdtemp(prefix="loket-suara-"))

    def state(self) -> dict[str, Any]:
        day = self.today()
        key = (day, self.store.version(day))
        with self._lock:
            if key == self._key:
                return self._state
        queue = R.fold(self.store.read(day))
        names = {g.kode: g.nama for g in self.settings.groups}

        def call(c: R.Call) -> dict[str, Any]:
            t = queue.tickets[c.label]
            return {"id": c.id, "nomor": c.label, "loket": c.desk,
                    "grup": names.get(t.group, t.group), "waktu": c.at.strftime("%H.%M"),
                    "ucapan": spoken_call(c.label, c.desk)}

        last = queue.last_calls(LAST_CALLS)
        waiting = [{"kode": g.kode, "nama": g.nama, "jumlah": len(queue.waiting(g.kode))}
                   for g in self.settings.groups]
        state = {"versi": f"{key[0]}:{key[1]}", "judul": self.title or T.DISPLAY_TITLE,
                 "panggil": call(last[0]) if last else None,
                 "terakhir": [call(c) for c in last[1:]], "menunggu": waiting,
                 "suara": self.settings.speak, "zona": self.zone,
                 "teks": {"dipanggil": T.DISPLAY_NOW, "terakhir": T.DISPLAY_LAST,
                          "menunggu": T.DISPLAY_WAITING, "loket": T.DISPLAY_DESK}}
        with self._lock:
            self._key, self._state = key, state
            self._calls = {c.id: c for c in queue.calls}
        return state

    def voice(self, call_id: str) -> Path | None:
        """The WAV of one call (made once); None for an unknown call or no voice."""
        with self._lock:
            call = self._calls.get(call_id)
        if call is None:
            return None
        target = self.voice_dir / f"{call_id}.wav"
        if not target.is_file():
            try:
                speak_to_file(call.label, call.desk, target)
            except VoiceError:
                return None
        return target


def _handler(board: LobbyBoard) -> type[BaseHTTPRequestHandler]:
    page = (resources.files("screens.web") / "lobby.html").read_bytes()
    kiosk = (resources.files("screens.web") / "kiosk.html").read_bytes()

    class Handler(PageHandler):

        def do_GET(self) -> None:
            if self.path in ("/", "/index.html"):
                self._send(200, page, "text/html; charset=utf-8")
            elif self.path == "/ambil" and board.take is not None:
                self._send(200, kiosk, "text/html; charset=utf-8")
            elif self.path == "/api/keadaan":
                try:
                    body = json.dumps(board.state()).encode("utf-8")
                except Exception as err:  # a damaged day file: say so, keep serving
                    body = json.dumps({"galat": str(err)}).encode("utf-8")
                self._send(200, body, "application/json")
            elif m := _WAV.match(self.path):
                wav = board.voice(m.group(1))
                if wav is None:
                    self._send(HTTPStatus.NOT_FOUND, b"", "text/plain")
                else:
                    self._send(200, wav.read_bytes(), "audio/wav")
            else:
                self._send(HTTPStatus.NOT_FOUND, b"", "text/plain")

        def do_POST(self) -> None:
            """The self-service page's ticket: {"grup": "A"} → its number, no personal data."""
            if self.path != "/api/ambil" or board.take is None:
                self._send(HTTPStatus.NOT_FOUND, b"", "text/plain")
                return
            length = min(int(self.headers.get("Content-Length") or 0), 1024)
            try:
                payload = json.loads(self.rfile.read(length) or b"{}")
                taken = board.take(str(payload.get("grup", "")))
            except LoketError as err:
                body = {"ok": False, "pesan": err.message}
            except (ValueError, AttributeError):
                body = {"ok": False, "pesan": T.BAD_KIOSK_REQUEST}
            else:
                ahead = (T.TICKET_AHEAD.format(n=taken.ahead) if taken.ahead
                         else T.TICKET_AHEAD_NONE)
                body = {"ok": True, "nomor": taken.label, "grup": taken.group_name,
                        "pesan": ahead}
            self._send(200, json.dumps(body).encode("utf-8"), "application/json")

    return Handler


class LobbyServer(PageServer):
    """The page and its API on host:port, in a daemon thread."""

    def __init__(self, board: LobbyBoard, host: str = "0.0.0.0", port: int = 8766) -> None:
        self.board = board
        super().__init__(_handler(board), host, port, "layar-antrean")
