"""What the app, the CLI and the browser survey share about SKM: where responses are
kept, how a period's report is built (with the visitors served as population),
and writing an export atomically. Textual-free, so the CLI stays fast."""

from __future__ import annotations

import os
from datetime import date, timedelta
from pathlib import Path

from counter.config import Paths, Profile
from counter.errors import LoketError
from counter.skm.questions import load_questionnaire
from counter.skm.report import SkmReport, build_report
from counter.sop import Catalog
from store import Store, StoreError
from store.files import ensure_dir, write_atomic
from store.skm_store import SurveyStore

QUESTIONNAIRE_NAME = "kuesioner.toml"


def survey_store(paths: Paths) -> SurveyStore:
    """The office's responses; the office may add questions in data_dir/skm/kuesioner.toml."""
    return SurveyStore(paths.store_dir, load_questionnaire(paths.data_dir / "skm" /
                                                           QUESTIONNAIRE_NAME))


def visitors_served(store: Store, first: date, last: date, layanan: str | None = None) -> int:
    """Cases opened in the period (of one service): the survey's population."""
    count, day = 0, first
    while day <= last:
        try:
            cases = store.events_on(day)
        except StoreError:
            cases = {}
        for events in cases.values():
            if layanan is None:
                count += 1
                continue
            data = events[0].get("data") if events else None
            if isinstance(data, dict) and data.get("sop_id") == layanan:
                count += 1
        day += timedelta(days=1)
    return count


def build_skm_report(paths: Paths, profile: Profile, catalog: Catalog, store: Store,
                     first: date, last: date, layanan: str | None = None) -> SkmReport:
    surveys = survey_store(paths)
    names = {s.id: s.nama for s in catalog.all()}
    return build_report(surveys.questionnaire, surveys.between(first, last), start=first,
                        end=last, population=visitors_served(store, first, last, layanan),
                        weight=profile.skm_bobot, layanan=layanan, service_names=names)


class OutputError(LoketError):
    """An export that could not be written."""


def write_output(target: Path, payload: bytes, *, create_parent: bool) -> Path:
    """Write an export atomically (the old file or none on failure), owner-only."""
    folder = target.parent
    if not folder.is_dir():
        if not create_parent:
            raise OutputError(f"folder {folder} tidak ada", path=target)
        ensure_dir(folder)
    try:
        write_atomic(target, payload)
        os.chmod(target, 0o600)
    except StoreError as err:
        raise OutputError(err.message, path=target) from None
    return target
