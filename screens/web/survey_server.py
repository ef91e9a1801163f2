"""The survey on a second screen: a small page for a tablet or monitor facing the
visitor, served by the desk's own process (no internet, no extra service).

A plain HTML page beats a terminal-in-a-browser here: it is touch-friendly, large,
and works on any cheap tablet's browser. The page polls `/api/keadaan` every
second; when the officer offers the survey (`k` after Tutup), the offer appears
there with the service's name; the answers come back to `/api/jawab` with the
offer's one-time token and are stored like the terminal survey's, anonymously.
In kiosk mode (`loket skm layar`) the survey is always open for one service.
"""

from __future__ import annotations

import json
import secrets
import threading
from collections.abc import Callable
from datetime import date
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler
from importlib import resources
from typing import Any

from counter.skm.questions import Questionnaire, SkmError
from counter.skm.response import Response, make_response
from screens.skm_survey import SurveyContext
from screens.web.page_server import PageHandler, PageServer

MAX_BODY = 16_384


class SurveyBoard:
    """The offer currently open on the visitor's screen, shared by the threads."""

    def __init__(self, questionnaire: Questionnaire, save: Callable[[Response], Any],
                 today: Callable[[], date], kiosk: SurveyContext | None = None) -> None:
        self.questionnaire = questionnaire
        self.save = save
        self.today = today
        self.kiosk = kiosk
        self._lock = threading.Lock()
        self._offer: tuple[str, SurveyContext] | None = None
        self.saved = 0

    def offer(self, context: SurveyContext) -> str:
        token = secrets.token_urlsafe(12)
        with self._lock:
            self._offer = (token, context)
        return token

    def withdraw(self) -> None:
        with self._lock:
            self._offer = None

    def state(self) -> dict[str, Any]:
        with self._lock:
            offer = self._offer
        if offer is None and self.kiosk is not None:
            offer = self.offer_kiosk()
        if offer is None:
            return {"aktif": False}
        token, context = offer
        return {"aktif": True, "token": token, "layanan": context.layanan_nama}

    def offer_kiosk(self) -> tuple[str, SurveyContext] | None:
        assert self.kiosk is not None
        context = SurveyContext(self.kiosk.layanan, self.kiosk.layanan_nama, self.kiosk.loket,
                                self.today())
        self.offer(context)
        return self._offer

    def answer(self, payload: dict[str, Any]) -> bool:
        """Store the answers of the open offer (once); False if it is no longer open."""
        with self._lock:
            offer = self._offer
            if offer is None or payload.get("token") != offer[0]:
                return False
            self._offer = None
        context = offer[1]
        jawaban = payload.get("jawaban") or {}
        if not any(v not in (None, "", 0) for v in jawaban.values()):
            return True  # skipped: nothing to keep
        response = make_response(
            self.questionnaire, tanggal=context.tanggal, layanan=context.layanan,
            loket=context.loket, jawaban={k: (v or None) for k, v in jawaban.items()},
            profil={k: str(v) for k, v in (payload.get("profil") or {}).items() if v},
            tambahan={k: (v or None) for k, v in (payload.get("tambahan") or {}).items()},
            saran=str(payload.get("saran") or ""), sumber="peramban")
        self.save(response)
        self.saved += 1
        return True

    def questions_json(self) -> dict[str, Any]:
        q = self.questionnaire

        def pack(items: Any) -> list[dict[str, Any]]:
            return [{"kode": i.kode, "pertanyaan": i.pertanyaan, "pilihan": list(i.pilihan)}
                    for i in items]

        return {"unsur": pack(q.unsur), "tambahan": pack(q.tambahan), "profil": pack(q.profil)}


def _handler(board: SurveyBoard) -> type[BaseHTTPRequestHandler]:
    page = (resources.files("screens.web") / "survey.html").read_bytes()

    class Handler(PageHandler):

        def do_GET(self) -> None:
            if self.path in ("/", "/index.html"):
                self._send(200, page, "text/html; charset=utf-8")
            elif self.path == "/api/keadaan":
                self._json(board.state())
            elif self.path == "/api/pertanyaan":
                self._json(board.questions_json())
            else:
                self._send(HTTPStatus.NOT_FOUND, b"", "text/plain")

        def do_POST(self) -> None:
            if self.path != "/api/jawab":
                self._send(HTTPStatus.NOT_FOUND, b"", "text/plain")
                return
            length = int(self.headers.get("Content-Length") or 0)
            if length > MAX_BODY:
                self._json({"ok": False}, HTTPStatus.REQUEST_ENTITY_TOO_LARGE)
                return
            try:
                payload = json.loads(self.rfile.read(length) or b"{}")
                ok = board.answer(payload if isinstance(payload, dict) else {})
            except (ValueError, SkmError, TypeError):
                self._json({"ok": False}, HTTPStatus.BAD_REQUEST)
                return
            self._json({"ok": ok}, 200 if ok else HTTPStatus.CONFLICT)

    return Handler


class SurveyServer(PageServer):
    """The page and its API on host:port, in a daemon thread."""

    def __init__(self, board: SurveyBoard, host: str = "0.0.0.0", port: int = 8765) -> None:
        self.board = board
        super().__init__(_handler(board), host, port, "skm-layar")


def serve_forever(paths: Any, profile: Any, catalog: Any, *, host: str, port: int,
                  layanan: str = "") -> None:
    """`loket skm layar`: a kiosk survey for one service until Ctrl+C."""
    from datetime import datetime

    from screens.skm_service import survey_store

    surveys = survey_store(paths)
    nama = catalog.get(layanan).nama if layanan and layanan in catalog.sops else layanan
    kiosk = SurveyContext(layanan=layanan, layanan_nama=nama or profile.unit,
                          loket=profile.desk, tanggal=datetime.now(profile.tz).date())
    board = SurveyBoard(surveys.questionnaire, lambda r: surveys.add([r]),
                        lambda: datetime.now(profile.tz).date(), kiosk=kiosk)
    server = SurveyServer(board, host, port)
    print(f"Survei SKM di http://{host}:{server.port}/ (Ctrl+C untuk berhenti)")
    try:
        server.httpd.serve_forever()
    finally:
        server.httpd.server_close()
