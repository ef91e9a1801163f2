"""The catalog: bundled SOPs overridden by the office's own files, with kept versions.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from counter.errors import SopError
from counter.sop_model import (
    Sop,
)
from counter.sop_read import load_sop, parse_sop
from counter.texts import sop as T

# ---------------------------------------------------------------- the catalog


@dataclass
class Catalog:
    """The SOPs an office can serve: bundled ones, overridden by the office's own files."""

    sops: dict[str, Sop]
    errors: list[SopError] = field(default_factory=list)
    warnings: list[SopError] = field(default_factory=list)  # e.g. two office files, one id
    # Earlier versions kept in the office folder (counter/sop_versions.py): id → versi → Sop
    versions: dict[str, dict[int, Sop]] = field(default_factory=dict)

    def get(self, sop_id: str) -> Sop:
        return self.sops[sop_id]

    def at_version(self, sop_id: str, versi: int | None) -> Sop:
        """The SOP as it was at `versi` (a case is timed against the version it began
        with); the current one when that version is the current or was never kept."""
        current = self.sops[sop_id]
        if versi is None or versi == current.versi:
            return current
        return self.versions.get(sop_id, {}).get(versi, current)

    def versions_of(self, sop_id: str) -> list[Sop]:
        """Every known version of an SOP, oldest first, the current one last."""
        kept = dict(self.versions.get(sop_id, {}))
        if sop_id in self.sops:
            kept[self.sops[sop_id].versi] = self.sops[sop_id]
        return [kept[v] for v in sorted(kept)]

    def all(self) -> list[Sop]:
        return sorted(self.sops.values(), key=_sort_key)

    def __iter__(self) -> Iterator[Sop]:
        return iter(self.all())

    def __len__(self) -> int:
        return len(self.sops)

    def search(self, text: str) -> list[Sop]:
        """Every SOP whose id, nomor or nama contains all the typed words."""
        words = text.lower().split()
        return [
            s for s in self.all()
            if all(w in f"{s.id} {s.nomor} {s.nama} {s.unit}".lower() for w in words)
        ]


def _sort_key(sop: Sop) -> tuple[int, str]:
    return (0 if sop.layanan_loket else 1, sop.id)


def bundled_sop_texts() -> Iterable[tuple[str, str]]:
    """(name, text) of every bundled SOP file, read through importlib.resources."""
    folder = resources.files("counter") / "sops"
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".toml"):
            yield f"counter/sops/{entry.name}", entry.read_text(encoding="utf-8")


def load_catalog(extra_dirs: Iterable[str | Path] = (), *, memo: bool = True) -> Catalog:
    """Bundled SOPs first, then each office folder overriding by id.

    A broken bundled file is a bug and raises; a broken office file is listed in
    `Catalog.errors` so the counter keeps working on the rest. `memo`: files that
    passed in an earlier process with the same text and code are not checked again
    (counter/sop_memo.py; the same SOPs, without the ~80 ms).
    """
    from counter import sop_memo

    kept = sop_memo.shared() if memo else None
    try:
        return _load_catalog(list(extra_dirs), kept.parse if kept else parse_sop)
    finally:
        if kept is not None:
            kept.save()


def _load_catalog(extra_dirs: list[str | Path], parse: Callable[[str, str], Sop]) -> Catalog:
    sops: dict[str, Sop] = {}
    origin: dict[str, str] = {}
    for name, text in bundled_sop_texts():
        sop = parse(text, name)
        if sop.id in sops:
            raise SopError(T.DUP_ID.format(value=sop.id, other=origin[sop.id]), path=name,
                           field="id")
        sops[sop.id] = sop
        origin[sop.id] = name
    errors: list[SopError] = []
    warnings: list[SopError] = []
    office: dict[str, str] = {}  # id -> the office file that gave it
    for folder in extra_dirs:
        d = Path(folder)
        if not d.is_dir():
            continue
        for path in sorted(d.glob("*.toml")):
            try:
                sop = load_sop(path, parse)
            except SopError as err:
                errors.append(err)
                continue
            if sop.id in office:
                warnings.append(SopError(T.DUP_OFFICE_ID.format(value=sop.id, other=office[sop.id]),
                                         path=path, field="id"))
            office[sop.id] = str(path)
            sops[sop.id] = sop
    from counter.sop_versions import load_versions  # kept versions of office SOPs

    versions: dict[str, dict[int, Sop]] = {}
    for folder in extra_dirs:
        found, broken = load_versions(Path(folder), parse)
        errors.extend(broken)
        for sop_id, by_number in found.items():
            versions.setdefault(sop_id, {}).update(by_number)
    return Catalog(sops=sops, errors=errors, warnings=warnings, versions=versions)


def counter_standard(sop: Sop) -> dict[str, float]:
    """Standard time of the steps done at the counter, per unit (menit folds in jam).

    Officers ask "how long is this at my desk?"; days and calendar units stay apart
    because they cannot be added to minutes honestly.
    """
    counter = set(sop.counter_roles)
    totals: dict[str, float] = {}
    for step in sop.steps:
        w = step.mutu_baku.waktu
        if step.role not in counter or not w.limited or w.high is None or w.unit is None:
            continue
        unit, value = w.unit.value, w.high
        if unit == "jam":
            unit, value = "menit", value * 60
        totals[unit] = totals.get(unit, 0.0) + value
    return totals


def format_totals(totals: dict[str, float]) -> str:
    order = ("menit", "hari", "minggu", "bulan")
    parts = [f"{totals[u]:g} {u}" for u in order if u in totals]
    return " + ".join(parts) if parts else "-"
