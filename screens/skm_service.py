"""What the app, the CLI and the browser survey share about SKM: where responses are
kept, how a period's report is built (with the visitors served as population),
and writing an export atomically. Textual-free, so the CLI stays fast."""

from __future__ import annotations

import os
from datetime import date
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


# (day file, service) → (the file's identity when counted, cases opened): a past day's
# count is read once per process, not again after every survey answered.
_SERVED: dict[tuple[Path, str | None], tuple[tuple[int, int, int], int]] = {}


def _served_on(store: Store, path: Path, layanan: str | None) -> int:
    st = path.stat()
    key = (st.st_mtime_ns, st.st_size, st.st_ino)
    known = _SERVED.get((path, layanan))
    if known is not None and known[0] == key:
        return known[1]
    try:
        cases = store.events_on(date.fromisoformat(path.stem))
    except StoreError:
        return 0  # an unreadable day is named by the damage notice, not counted here
    count = sum(
        1 for events in cases.values()
        if layanan is None or (events and isinstance(events[0].get("data"), dict)
                               and events[0]["data"].get("sop_id") == layanan))
    _SERVED[(path, layanan)] = (key, count)
    return count


def visitors_served(store: Store, first: date, last: date, layanan: str | None = None) -> int:
    """Cases opened in the period (of one service): the survey's population. Only the
    day files that exist are read, each once while it is unchanged."""
    total = 0
    for path in store.day_files():
        if first.isoformat() <= path.stem <= last.isoformat():
            try:
                total += _served_on(store, path, layanan)
            except OSError:
                continue  # removed meanwhile
    return total


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
