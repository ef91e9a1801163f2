"""From a case to what its paper says: the mapping from the folded case (and its
events) to `ReceiptData`, one document kind at a time.

Each paper tells about one moment of the case (the opening, the latest hand-off,
the latest berkas kurang, the latest return), so each reads the event of that moment
rather than the case's start. A document already printed for that moment is a reprint
and says so.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from counter.errors import PrintError
from counter.receipt.data import HandOff, Letterhead, ReceiptData, Reprint, Return
from counter.receipt.documents import KINDS
from counter.texts import receipt as T

# The event each paper tells about; a successful print after it makes the next one a copy.
_MOMENT = {
    "tanda-terima": "opened",
    "serah-terima": "handed_off",
    "berkas-kurang": "waiting_applicant",
    "pengembalian": "step_returned",
}


def _at(event: Mapping[str, Any]) -> datetime:
    at = event["at"]
    return datetime.fromisoformat(at) if isinstance(at, str) else at


def _latest(state: Any, type_: str) -> Mapping[str, Any] | None:
    return next((e for e in reversed(state.events) if e.get("type") == type_), None)


def duration_text(seconds: float, day_s: float) -> str:
    """ "5 hari kerja", or "2 jam 30 menit kerja" for a service shorter than a working day."""
    if seconds >= day_s * 0.999:
        return T.HARI_KERJA.format(n=math.ceil(seconds / day_s - 0.01))
    minutes = max(1, round(seconds / 60))
    hours, minutes = divmod(minutes, 60)
    if hours and minutes:
        return T.JAM_MENIT_KERJA.format(jam=hours, menit=minutes)
    if hours:
        return T.JAM_KERJA.format(n=hours)
    return T.MENIT_KERJA.format(n=minutes)


def received_items(state: Any) -> tuple[str, ...]:
    """Every kelengkapan item received in the case so far, in step order, once each."""
    items: dict[str, None] = {}
    for step in sorted(state.kelengkapan):
        for item in state.kelengkapan[step]:
            items.setdefault(item, None)
    return tuple(items)


def _step(sop: Any, no: int | None) -> Any:
    if sop is None or no is None:
        return None
    return next((s for s in sop.steps if s.no == no), None)


def hand_back(state: Any, sop: Any) -> Any:
    """The latest run the counter started on a file coming back from an official (a
    back-office step done, the next step at a counter desk), or None. The case records
    no hand-off for it (the counter takes its files back by starting the step), yet the
    paper trail needs a slip like any other hand-off."""
    from counter.case import RUN_SELESAI, is_back_office, is_counter_role

    for prev, run in reversed(list(zip(state.runs, state.runs[1:], strict=False))):
        if (prev.outcome == RUN_SELESAI and is_back_office(sop, prev.role)
                and is_counter_role(sop, run.role) and run.handed_off_to is None):
            return prev, run
    return None


def _due(timing: Any, step: int, at: datetime) -> datetime | None:
    for run, step_timing in timing.steps if timing is not None else ():
        if run.step == step and run.started_at == at:
            due: datetime | None = step_timing.due_at
            return due
    return None


def _hand_back_slip(state: Any, sop: Any, timing: Any, prev: Any, run: Any) -> HandOff:
    from counter.case import role_name

    sender, step = _step(sop, prev.step), _step(sop, run.step)
    output = prev.output or (sender.mutu_baku.output if sender else "")
    return HandOff(
        step_no=run.step,
        kegiatan=step.kegiatan if step else "",
        from_role=role_name(sop, prev.role),
        to_role=role_name(sop, run.role),
        from_officer="",
        to_name=run.officer,
        handed_at=run.started_at,
        documents=tuple(dict.fromkeys(filter(None, (output, *received_items(state))))),
        output=output,
        due_at=_due(timing, run.step, run.started_at),
        waktu=step.mutu_baku.waktu.spoken() if step else "",
    )


def _handoff(state: Any, sop: Any, timing: Any) -> HandOff | None:
    """The latest hand-off of the case, as its slip tells it: what actually travels is the
    sending step's output and the file's documents. A file handed back to the counter
    after the latest hand-off is told the same way."""
    from counter.case import role_name  # the case package names roles for everyone

    event = _latest(state, "handed_off")
    back = hand_back(state, sop)
    if back is not None and (event is None or back[1].started_at > _at(event)):
        return _hand_back_slip(state, sop, timing, *back)
    if event is None:
        return None
    data = event.get("data") or {}
    no = int(data.get("step") or 0)
    at = _at(event)
    step = _step(sop, no)
    sender_run = next((r for r in reversed(state.runs) if r.ended_at and r.ended_at <= at), None)
    sender = _step(sop, sender_run.step) if sender_run is not None else None
    output = (sender_run.output if sender_run and sender_run.output else "") or (
        sender.mutu_baku.output if sender else ""
    )
    due = _due(timing, no, at)
    documents = tuple(dict.fromkeys(filter(None, (output, *received_items(state)))))
    return HandOff(
        step_no=no,
        kegiatan=step.kegiatan if step else "",
        from_role=role_name(sop, data.get("from_role")),
        to_role=role_name(sop, data.get("to_role")),
        from_officer=str(event.get("officer") or ""),
        to_name=str(data.get("to_name") or ""),
        handed_at=at,
        documents=documents,
        output=output,
        due_at=due,
        waktu=step.mutu_baku.waktu.spoken() if step else "",
    )


def _return(state: Any, sop: Any) -> Return | None:
    """The latest return of the case: from which step to which, why, to whom."""
    from counter.case import is_applicant_role, role_name

    event = _latest(state, "step_returned")
    if event is None:
        return None
    data = event.get("data") or {}
    no = int(data.get("step") or 0)
    to_step = data.get("to_step")
    to_step = int(to_step) if to_step is not None else no
    from_step, target = _step(sop, no), _step(sop, to_step)
    to_role = data.get("to_role") or (target.role if target is not None else None)
    rule = ""
    if from_step is not None:
        rule = next((k.syarat for k in from_step.kembali
                     if k.ke_langkah == to_step or (k.ke_pelaksana and k.ke_pelaksana == to_role)),
                    "")
    return Return(
        from_step=no,
        from_kegiatan=from_step.kegiatan if from_step else "",
        to_step=to_step,
        to_kegiatan=target.kegiatan if target else "",
        to_role=role_name(sop, target.role if target is not None and is_applicant_role(
            sop, target.role) else to_role),
        reason=str(data.get("reason") or ""),
        rule=rule,
        returned_at=_at(event),
        officer=str(event.get("officer") or ""),
        # the applicant's own step is served at the counter: the paper goes to them
        to_applicant=is_applicant_role(sop, to_role) or (
            target is not None and is_applicant_role(sop, target.role)),
    )


def _missing(state: Any) -> tuple[tuple[str, ...], str, datetime | None]:
    """What the latest berkas kurang asked for and still lacks, its note, and when."""
    event = _latest(state, "waiting_applicant")
    if event is None:
        last = next((r for r in reversed(state.runs) if r.missing), None)
        return (tuple(last.missing) if last else ()), "", None
    data = event.get("data") or {}
    if state.waiting_missing or state.waiting_note:
        asked = tuple(state.waiting_missing)
        note = state.waiting_note
    else:
        asked = tuple(str(x) for x in data.get("missing") or ())
        note = str(data.get("note") or "")
    step = data.get("step")
    now_received = set(state.kelengkapan.get(step, ())) if step is not None else set()
    later = [e for e in state.events if e.get("type") == "kelengkapan_checked"
             and _at(e) > _at(event) and (e.get("data") or {}).get("step") == step]
    still = tuple(i for i in asked if not (later and i in now_received))
    return still, note, _at(event)


def _reprint(state: Any, sop: Any, kind: str, now: datetime | None,
             printed_by: str) -> Reprint | None:
    moment = _latest(state, _MOMENT[kind])
    since = _at(moment) if moment is not None else None
    back = hand_back(state, sop) if kind == "serah-terima" else None
    if back is not None and (since is None or back[1].started_at > since):
        since = back[1].started_at
    done = any(p.ok and p.doc == kind and (since is None or p.at >= since)
               for p in state.prints)
    if not done or now is None:
        return None
    return Reprint(at=now, officer=printed_by)


def privacy_line(profile: Any) -> str:
    """The short privacy notice, with the office's retention period."""
    from counter.privacy.retention import DEFAULT
    from counter.texts import privacy as TP

    return TP.RECEIPT_PRIVACY.format(retensi=getattr(profile, "retensi", "") or DEFAULT)


def receipt_data_for(
    state: Any,
    sop: Any,
    profile: Any,
    timing: Any,
    kind: str,
    *,
    now: datetime | None = None,
    officer: str = "",
    printed_by: str = "",
    copy_label: str = "",
    day_s: float = 27_000.0,
    demo: bool = False,
) -> ReceiptData:
    """What to print for a case: `state` a `counter.case.CaseState`, `sop` its `Sop`,
    `profile` the office `Profile`, `timing` its `clock.CaseTiming` (or None).

    `officer` is who the paper names as having received the file (defaults to who
    opened the case); `printed_by` who prints now (a reprint names them); `day_s` the
    calendar's `standard_day_s`, to say the allowance in hari kerja; `demo` marks
    practice paper.
    """
    if kind not in KINDS:
        raise PrintError(T.UNKNOWN_KIND.format(kind=kind, choices=", ".join(KINDS)), field="jenis")
    estimate, estimate_text = None, ""
    if timing is not None:
        estimate = timing.estimated_completion
        if timing.limit_s:
            estimate_text = duration_text(timing.limit_s, day_s)
        if timing.estimate_partial:
            estimate_text = ", ".join(filter(None, (estimate_text, T.SEBAGIAN_TANPA_BATAS)))
    missing, note, requested_at = _missing(state) if kind == "berkas-kurang" else ((), "", None)
    visitor = state.visitor
    return ReceiptData(
        letterhead=Letterhead(
            profile.instansi, profile.unit, profile.alamat, profile.telepon, profile.logo
        ),
        code=state.code,
        opened_at=state.opened_at,
        visitor_nama=visitor.nama,
        sop_nama=sop.nama if sop is not None else state.sop_id,
        sop_nomor=(sop.nomor or "") if sop is not None else "",
        officer=officer or state.officer,
        visitor_nik=visitor.nik,
        visitor_telepon=visitor.telepon,
        nama_usaha=visitor.nama_usaha,
        desk=state.desk,
        received=received_items(state),
        estimated_completion=estimate,
        estimate_text=estimate_text,
        handoff=_handoff(state, sop, timing) if kind == "serah-terima" else None,
        returned=_return(state, sop) if kind == "pengembalian" else None,
        missing=missing,
        note=note,
        requested_at=requested_at,
        closed_at=state.closed_at,
        closed_label=T.CLOSED_LABELS.get(str(state.outcome), "") if state.closed_at else "",
        printed_at=now,
        copy_label=copy_label,
        reprint=_reprint(state, sop, kind, now, printed_by or officer or state.officer),
        demo=demo,
        biaya=sop.biaya if sop is not None else "",
        produk_layanan=sop.produk_layanan if sop is not None else "",
        jangka_waktu=sop.jangka_waktu if sop is not None else "",
        privacy=privacy_line(profile),
    )
