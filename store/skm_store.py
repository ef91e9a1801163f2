"""Where survey responses live: one JSON file per month under ``store/skm/``.

Not TinyDB, on purpose: TinyDB numbers documents in the order they arrive, and
that order would let someone line responses up with the cases closed that day.
Each month's file keeps its responses sorted by their random id instead, so the
file says nothing about which came first. Files are replaced atomically under a
lock like the day files, and owner-only.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

from counter.skm.questions import Questionnaire, SkmError
from counter.skm.response import Response, response_from_dict
from counter.texts import store as texts
from store.errors import StoreError
from store.files import Lock, damaged, ensure_dir, parse_json, write_atomic

FOLDER = "skm"
LOCK_DIR = ".locks"


def month_lock(lock_dir: Path, path: Path) -> Lock:
    """The lock every writer of a month file holds (survey, import, sync)."""
    return Lock(lock_dir / f"skm-{path.stem}.lock", path)


def read_month(path: Path) -> tuple[list[dict[str, Any]], set[str]]:
    """A month file's responses and the ids the office server is known to hold."""
    try:
        raw = parse_json(path, path.read_bytes())  # damage named with line and column
    except FileNotFoundError:
        return [], set()
    except OSError as err:
        raise damaged(path, texts.REASON_IO.format(error=err.strerror or err)) from None
    responses = raw.get("responses") if isinstance(raw, dict) else None
    if not isinstance(responses, list):
        raise damaged(path, texts.REASON_SKM_SHAPE)
    on_server = raw.get("on_server") if isinstance(raw.get("on_server"), list) else []
    return ([r for r in responses if isinstance(r, dict)],
            {i for i in on_server if isinstance(i, str)})


def write_month(path: Path, responses: Iterable[dict[str, Any]], on_server: set[str]) -> None:
    """Replace a month file (the caller holds its lock): responses sorted by their
    random id, so the file never tells which came first; owner-only."""
    by_id = {str(r.get("id")): r for r in responses}
    body: dict[str, Any] = {"responses": [by_id[k] for k in sorted(by_id)]}
    if on_server:
        body["on_server"] = sorted(on_server)
    write_atomic(path, json.dumps(body, ensure_ascii=False, indent=1).encode("utf-8"))
    os.chmod(path, 0o600)


class SurveyStore:
    """Anonymous SKM responses of one office store."""

    def __init__(self, store_dir: Path, questionnaire: Questionnaire) -> None:
        self.folder = Path(store_dir) / FOLDER
        self.lock_dir = Path(store_dir) / LOCK_DIR
        self.questionnaire = questionnaire
        self.problems: list[str] = []

    def _path(self, month: tuple[int, int]) -> Path:
        return self.folder / f"{month[0]:04d}-{month[1]:02d}.json"

    def _read(self, path: Path) -> list[dict[str, Any]]:
        return read_month(path)[0]

    def add(self, responses: Iterable[Response]) -> int:
        """Store responses (one write per month touched); returns how many were new."""
        by_month: dict[tuple[int, int], list[Response]] = {}
        for r in responses:
            by_month.setdefault((r.tanggal.year, r.tanggal.month), []).append(r)
        added = 0
        for month, items in sorted(by_month.items()):
            path = self._path(month)
            ensure_dir(self.folder)
            ensure_dir(self.lock_dir)
            os.chmod(self.folder, 0o700)
            with month_lock(self.lock_dir, path):
                records, on_server = read_month(path)
                stored = {r.get("id"): r for r in records}
                for r in items:
                    if r.id not in stored:
                        stored[r.id] = r.as_dict()
                        added += 1
                write_month(path, stored.values(), on_server)
        return added

    def between(self, start: date, end: date) -> Iterator[Response]:
        """Responses dated start..end inclusive; a bad record is noted, never fatal."""
        self.problems = []
        year, month = start.year, start.month
        while (year, month) <= (end.year, end.month):
            path = self._path((year, month))
            try:
                records = self._read(path)
            except StoreError as err:
                self.problems.append(str(err))
                records = []
            for i, record in enumerate(records):
                try:
                    response = response_from_dict(self.questionnaire, record)
                except (SkmError, KeyError, ValueError, TypeError) as err:
                    self.problems.append(f"{path}: jawaban ke-{i + 1}: {err}")
                    continue
                if start <= response.tanggal <= end:
                    yield response
            month += 1
            if month == 13:
                year, month = year + 1, 1
