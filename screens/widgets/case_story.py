"""A case told for people: its events in words, its steps against mutu baku.

Shared by the case-detail screen and `loket kasus` (so the phone answer and the
screen never disagree). Pure Python plus Rich; no Textual, so the CLI stays fast.
Personal data is masked here (NIK, telepon) so no caller can forget it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from counter import dates
from counter.case import role_name
from counter.clock import Level, case_day_length, format_days, format_duration, format_span
from counter.texts import case as TC
from counter.texts import ui_review as T
from counter.visitor import mask_nik, mask_telepon
from counter.waktu import Unit
from counter.whereabouts import whereabouts
from screens.widgets.step_label import step_of
from screens.widgets.timing import LEVEL_STYLE


def level_word(level: Any) -> str:
    return T.LEVEL_SHORT.get(str(getattr(level, "value", level)), "")


def level_style(level: Any) -> str:
    try:
        return LEVEL_STYLE[Level(getattr(level, "value", level))]
    except ValueError:
        return ""


def parse_at(value: Any) -> datetime | None:
    if isinstance(value, datetime):
        return value
    try:
        return datetime.fromisoformat(str(value))
    except ValueError:
        return None


def mask_name(nama: str) -> str:
    """First word in full, the rest as initials: enough to recognise, little to leak."""
    words = (nama or "").split()
    if not words:
        return ""
    return " ".join([words[0], *(f"{w[0]}." for w in words[1:])])


def _doc(doc: Any) -> str:
    return T.DOC_NAMES.get(str(doc), str(doc))


def _items(items: Any) -> str:
    return ", ".join(str(i) for i in items or ()) or T.NOTHING


def describe(event: Mapping[str, Any], sop: Any) -> str:
    """What an event means, in one Indonesian sentence."""
    kind = event.get("type")
    d: Mapping[str, Any] = event.get("data") or {}
    step = d.get("step")

    def kegiatan(no: Any) -> str:
        try:
            return sop.step(no).kegiatan if sop is not None else ""
        except KeyError:
            return ""

    if kind == "opened":
        visitor = d.get("visitor") or {}
        sop_name = sop.nama if sop is not None else str(d.get("sop_id", ""))
        return T.EVENT_OPENED.format(sop=sop_name, nama=visitor.get("nama", ""))
    if kind == "step_started":
        return T.EVENT_STEP_STARTED.format(step=step, kegiatan=kegiatan(step)).rstrip(": ")
    if kind == "kelengkapan_checked":
        text = T.EVENT_KELENGKAPAN.format(step=step, received=_items(d.get("received")))
        if d.get("missing"):
            text += T.EVENT_KELENGKAPAN_MISSING.format(missing=_items(d.get("missing")))
        return text
    if kind == "step_completed":
        text = T.EVENT_STEP_COMPLETED.format(step=step)
        if d.get("output"):
            text += T.EVENT_OUTPUT.format(output=d["output"])
        return text
    if kind == "over_reason":
        return T.EVENT_OVER_REASON.format(step=step, reason=d.get("reason", ""))
    if kind == "step_returned":
        target = (T.SOP_STEP_WORD.format(no=d["to_step"]) if d.get("to_step") is not None
                  else role_name(sop, d.get("to_role")))
        return T.EVENT_STEP_RETURNED.format(step=step, target=target, reason=d.get("reason", ""))
    if kind == "handed_off":
        text = T.EVENT_HANDED_OFF.format(
            from_role=role_name(sop, d.get("from_role")) or T.NOTHING,
            to_role=role_name(sop, d.get("to_role")), step=step)
        if d.get("to_name"):
            text += T.EVENT_HANDED_TO_NAME.format(to_name=d["to_name"])
        return text
    if kind == "nik_revealed":
        return T.EVENT_NIK_REVEALED
    if kind == "data_redacted":
        return T.EVENT_DATA_REDACTED.format(fields=_items(d.get("fields")))
    if kind == "data_corrected":
        return T.EVENT_DATA_CORRECTED.format(field=d.get("field", ""))
    if kind == "received":
        return T.EVENT_RECEIVED.format(role=role_name(sop, d.get("role")), step=step)
    if kind == "waiting_applicant":
        text = T.EVENT_WAITING.format(missing=_items(d.get("missing")))
        if d.get("note"):
            text += T.EVENT_WAITING_NOTE.format(note=d["note"])
        return text
    if kind == "resumed":
        return T.EVENT_RESUMED.format(step=step)
    if kind == "note":
        return T.EVENT_NOTE.format(text=d.get("text", ""))
    if kind == "conflict_resolved":
        return T.EVENT_CONFLICT_RESOLVED.format(note=d.get("note", ""))
    if kind == "printed":
        if d.get("ok"):
            return T.EVENT_PRINTED_OK.format(doc=_doc(d.get("doc")), printer=d.get("printer"))
        if not d.get("printer") and d.get("pdf"):
            return T.EVENT_PRINTED_PDF.format(doc=_doc(d.get("doc")), pdf=d.get("pdf"))
        return T.EVENT_PRINT_FAILED.format(doc=_doc(d.get("doc")),
                                           error=d.get("error") or T.NOTHING)
    if kind == "reopened":
        return T.EVENT_REOPENED.format(step=step, reason=d.get("reason", ""))
    if kind == "closed":
        text = T.EVENT_CLOSED.format(outcome=d.get("outcome", ""))
        if d.get("reason"):
            text += T.EVENT_CLOSED_REASON.format(reason=d["reason"])
        return text
    return T.EVENT_UNKNOWN.format(type=kind)


def by_day(events: Any) -> list[tuple[date | None, list[Mapping[str, Any]]]]:
    """Events grouped by their (local) day, in order: a long case reads day by day."""
    groups: list[tuple[date | None, list[Mapping[str, Any]]]] = []
    for ev in events:
        at = parse_at(ev.get("at"))
        day = at.date() if at is not None else None
        if not groups or groups[-1][0] != day:
            groups.append((day, []))
        groups[-1][1].append(ev)
    return groups


# ----------------------------------------------------------------- times


def elapsed_text(timing: Any) -> str:
    """How long the step took on its own clock: minutes/hours, or working days."""
    if getattr(timing, "unit", None) is Unit.HARI and timing.elapsed_days is not None:
        return format_days(timing.elapsed_days)
    return format_duration(timing.elapsed_s)


def paused_text(timing: Any) -> str:
    if getattr(timing, "paused_now", False):
        return T.CASE_PAUSED_NOW
    if timing.paused_s > 0:
        return T.CASE_PAUSED.format(duration=format_duration(timing.paused_s))
    return ""


@dataclass(frozen=True)
class StepLine:
    """One run of one step, ready to show."""

    no: int
    kegiatan: str
    pelaksana: str
    officer: str
    started_at: datetime
    ended_at: datetime | None
    outcome: str
    elapsed: str
    limit: str
    level: Level
    paused: str
    over_reason: str
    elapsed_s: float
    paused_s: float
    limit_s: float | None
    due_at: datetime | None


def step_lines(view: Any) -> list[StepLine]:
    sop = view.sop
    lines = []
    for run, timing in view.timing.steps:
        try:
            step = sop.step(run.step) if sop is not None else None
        except KeyError:
            step = None
        limit = step.mutu_baku.waktu.spoken() if step is not None else T.NOTHING
        lines.append(StepLine(
            no=run.step,
            kegiatan=step.kegiatan if step is not None else "",
            pelaksana=role_name(sop, run.role) if run.role else "",
            officer=run.ended_by or run.officer,
            started_at=run.started_at,
            ended_at=run.ended_at,
            outcome=TC.RUN_OUTCOMES.get(run.outcome, str(run.outcome)),
            elapsed=elapsed_text(timing),
            limit=limit,
            level=Level(timing.level),
            paused=paused_text(timing),
            over_reason=run.over_reason,
            elapsed_s=timing.elapsed_s,
            paused_s=timing.paused_s,
            limit_s=timing.limit_s,
            due_at=timing.due_at,
        ))
    return lines


def when(dt: datetime | None, same_day_as: datetime | None = None) -> str:
    """ "09.05" on the case's own day, "26 Nov 2026 09.05 WIB" otherwise."""
    if dt is None:
        return T.NOTHING
    if same_day_as is not None and dt.date() == same_day_as.date():
        return dates.format_time(dt)
    return dates.format_datetime_short(dt)


# ----------------------------------------------------------------- header


def desk_text(desk: Any, names: Mapping[int, str] | None = None) -> str:
    """"loket 1" for a counter desk, "meja Koor" for a desk the office knows by name."""
    from counter.sync.order import desk_label

    if not isinstance(desk, int) or isinstance(desk, bool):
        return T.CASE_DESK.format(desk=desk if desk is not None else "?")
    return desk_label(desk, names)


def header_rows(view: Any, nik: str = "",
                names: Mapping[int, str] | None = None) -> list[tuple[str, str]]:
    """(label, value) lines at the top of a case: who, what, where the file is.
    `nik` is the full NIK just revealed (and recorded); otherwise it is masked."""
    state, sop = view.state, view.sop
    v = state.visitor
    rows = [
        (T.CASE_LABEL_CODE, view.code_human),
        (T.CASE_LABEL_VISITOR, v.nama),
    ]
    if v.nik:
        rows.append((T.CASE_LABEL_NIK, nik or mask_nik(v.nik)))
    if v.telepon:
        rows.append((T.CASE_LABEL_TELEPON, mask_telepon(v.telepon)))
    if v.nama_usaha:
        rows.append((T.CASE_LABEL_USAHA, v.nama_usaha))
    sop_text = f"{sop.nama} ({sop.nomor})" if sop is not None and sop.nomor else (
        sop.nama if sop is not None else state.sop_id)
    rows.append((T.CASE_LABEL_SOP, sop_text))
    rows.append((T.CASE_LABEL_STATUS, view.status_text))
    rows.append((T.CASE_LABEL_STEP, current_step_text(view)))
    where = whereabouts(state, view.sop)
    if where is not None:
        since = dates.format_datetime_short(where.since)
        rows.append((T.CASE_LABEL_HOLDER,
                     f"{where.holder} ({T.CASE_SINCE.format(when=since)})"))
    rows.append((T.CASE_LABEL_OPENED, f"{dates.format_datetime(state.opened_at)} \u00b7 "
                 f"{state.officer} \u00b7 {desk_text(state.desk, names)}"))
    if state.closed_at is not None:
        rows.append((T.CASE_LABEL_CLOSED, dates.format_datetime(state.closed_at)))
    rows.append((T.CASE_LABEL_TIME, case_time_text(view)))
    est = view.timing.estimated_completion
    if est is not None and not state.closed:
        text = dates.format_datetime(est)
        if getattr(view.timing, "estimate_partial", False):
            text = T.CASE_ESTIMATE_PARTIAL.format(when=text)
        rows.append((T.CASE_LABEL_ESTIMATE, text))
    return rows


def current_step_text(view: Any) -> str:
    step = view.current_step
    if step is None:
        return T.CASE_NO_STEP
    return T.CASE_STEP_OF.format(where=step_of(view.sop, step.no), kegiatan=step.kegiatan)


def case_time_text(view: Any) -> str:
    t = view.timing
    unlimited = getattr(t, "unlimited_s", 0.0)
    day_s = case_day_length(t) if t.limit_s else None  # "5 hari kerja", as the SOP says
    elapsed = format_span(t.elapsed_s - unlimited if t.limit_s else t.elapsed_s, day_s)
    text = (T.CASE_VS.format(elapsed=elapsed, limit=format_span(t.limit_s, day_s))
            if t.limit_s else T.CASE_NO_LIMIT.format(elapsed=elapsed))
    text += f" \u00b7 {level_word(t.level)}"
    if t.limit_s and unlimited > 0:
        text += f" \u00b7 {T.CASE_UNLIMITED.format(duration=format_duration(unlimited))}"
    if t.paused_s > 0:
        text += f" \u00b7 {T.CASE_PAUSED.format(duration=format_duration(t.paused_s))}"
    return text


# ----------------------------------------------------------------- for machines


def _iso(dt: datetime | None) -> str | None:
    return dt.isoformat() if dt is not None else None


def case_dict(view: Any, names: Mapping[int, str] | None = None) -> dict[str, Any]:
    """The case for other programs (`loket kasus --json`): personal data masked."""
    state, sop, t = view.state, view.sop, view.timing
    v = state.visitor
    step = view.current_step
    return {
        "kode": state.code,
        "kode_tampil": view.code_human,
        "status": str(state.status.value),
        "status_teks": view.status_text,
        "sop": {"id": state.sop_id, "nomor": sop.nomor if sop else "",
                "nama": sop.nama if sop else ""},
        "pemohon": {"nama": v.nama, "nik": mask_nik(v.nik) if v.nik else "",
                    "telepon": mask_telepon(v.telepon) if v.telepon else "",
                    "nama_usaha": v.nama_usaha},
        "langkah_sekarang": None if step is None else {
            "no": step.no, "kegiatan": step.kegiatan, "pelaksana": step.role},
        "pemegang": None if state.closed or not state.holder_role else {
            "id": state.holder_role, "nama": view.holder_name,
            "sejak": _iso(state.holder_since)},
        "dibuka": _iso(state.opened_at),
        "petugas": state.officer,
        "loket": state.desk,
        "ditutup": _iso(state.closed_at),
        "hasil": state.outcome,
        "waktu": {
            "kerja_detik": round(t.elapsed_s),
            "jeda_detik": round(t.paused_s),
            "batas_detik": None if t.limit_s is None else round(t.limit_s),
            "keadaan": str(Level(t.level).value),
            "perkiraan_selesai": _iso(t.estimated_completion),
        },
        "langkah": [
            {
                "no": s.no, "kegiatan": s.kegiatan, "pelaksana": s.pelaksana,
                "petugas": s.officer, "mulai": _iso(s.started_at), "selesai": _iso(s.ended_at),
                "hasil": s.outcome, "kerja_detik": round(s.elapsed_s),
                "jeda_detik": round(s.paused_s),
                "batas_detik": None if s.limit_s is None else round(s.limit_s),
                "mutu_baku": s.limit, "keadaan": s.level.value,
                "batas_waktu": _iso(s.due_at), "alasan_lewat": s.over_reason,
            }
            for s in step_lines(view)
        ],
        "riwayat": [
            {"seq": ev.get("seq"), "waktu": ev.get("at"), "jenis": ev.get("type"),
             "petugas": ev.get("officer"), "loket": ev.get("desk"),
             "meja": desk_text(ev.get("desk"), names),
             "keterangan": describe(ev, sop)}
            for ev in state.events
        ],
        "catatan_riwayat": [a.message for a in state.anomalies],
    }
