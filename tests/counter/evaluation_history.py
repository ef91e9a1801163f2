"""Generated step runs of known distribution, for the evaluation tests.

Each maker returns `StepSample`s whose median, p80, shares, reasons and returns
can be worked out by hand (the tests say how).
"""

from __future__ import annotations

from counter.evaluation import StepSample

SOP = "pct-07-konsultasi-bisnis"
OFFICERS = ("Siti Aminah", "Budi Santoso", "Dewi Lestari")


def run(step: int, minutes: float, limit_min: float | None, i: int, *, reason: str = "",
        returned_to: str = "", return_reason: str = "", missing: tuple[str, ...] = (),
        checked: bool = False, officer: str | None = None, versi: int = 1,
        waited_min: float = 0.0) -> StepSample:
    limit = None if limit_min is None else limit_min * 60.0
    value = minutes * 60.0
    return StepSample(
        sop_id=SOP, versi=versi, code=f"26110101{i:03d}0", step=step,
        officer=officer or OFFICERS[i % len(OFFICERS)], value=value, limit=limit,
        in_days=False, over=limit is not None and value > limit, reason=reason,
        outcome="dikembalikan" if returned_to else "selesai", returned_to=returned_to,
        return_reason=return_reason, waited_s=waited_min * 60.0, waits=1 if waited_min else 0,
        checked=checked or bool(missing), missing=missing)


def chronically_over(step: int = 2, limit: float = 15, versi: int = 1) -> list[StepSample]:
    """10 runs: 12,13,14,14,15 within, 20..24 over, every overrun 'Sistem OSS lambat'
    (three officers). Median 17,5 min; p80 = 22 + 0,2 = 22,2 min -> 25 menit."""
    within = [run(step, m, limit, i, versi=versi) for i, m in enumerate((12, 13, 14, 14, 15))]
    typed = ("Sistem OSS lambat", "sistem OSS  lambat.")
    over = [run(step, m, limit, 5 + i, reason=typed[i % 2], versi=versi)
            for i, m in enumerate((20, 21, 22, 23, 24))]
    return within + over


def far_under(step: int = 3, limit: float = 40) -> list[StepSample]:
    """10 runs of 8..17 min against 40: p95 = 16,55 min (< 20), p80 = 15,2 -> 20 menit."""
    return [run(step, 8 + i, limit, i) for i in range(10)]


def many_returns(step: int = 4, limit: float = 20) -> list[StepSample]:
    """10 runs within (15 min), 4 of them sent back to step 1: 'Notulen belum ditandatangani'
    three times, 'Form salah isi' once."""
    out = []
    for i in range(10):
        if i < 3:
            out.append(run(step, 15, limit, i, returned_to="1",
                           return_reason="Notulen belum ditandatangani"))
        elif i == 3:
            out.append(run(step, 15, limit, i, returned_to="1", return_reason="Form salah isi"))
        else:
            out.append(run(step, 15, limit, i))
    return out


def often_missing(step: int = 1, limit: float = 15) -> list[StepSample]:
    """10 checked runs within; 'Form konsultasi bisnis' missing in 3 of them."""
    return [run(step, 10, limit, i, checked=True,
                missing=("Form konsultasi bisnis",) if i < 3 else ()) for i in range(10)]


def few_runs(step: int = 5, limit: float = 10) -> list[StepSample]:
    """3 runs, all far over: still not judged."""
    return [run(step, 30, limit, i, reason="Rapat") for i in range(3)]


def mostly_within(step: int = 7, limit: float = 10) -> list[StepSample]:
    """10 runs: 8 within (6..9 min), 2 over (12 min) with different reasons."""
    out = [run(step, 6 + (i % 4), limit, i) for i in range(8)]
    out += [run(step, 12, limit, 8, reason="Listrik padam"), run(step, 12, limit, 9,
                                                                  reason="Antrean panjang")]
    return out
