"""Versions of an office's SOPs: saving a change makes a new numbered, dated version.

The office folder `sop/` holds the current file of each SOP; every earlier version
is kept as `sop/versi/<id>/v<N>.toml` and never deleted, because a case is timed to
its end against the version it began with (Catalog.at_version). An SOP that does
not pass the check is kept as `sop/konsep/<id>.toml`, so nothing typed is lost and
the catalog never loads a broken file.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from counter.errors import SopError
from counter.sop import Sop, load_sop, parse_sop
from counter.texts import sop_authoring as T

VERSIONS_DIR = "versi"
KONSEP_DIR = "konsep"
_VERSION_KEYS = ("versi", "tanggal_versi")


def archive_path(folder: Path, sop_id: str, versi: int) -> Path:
    return folder / VERSIONS_DIR / sop_id / f"v{versi}.toml"


def konsep_path(folder: Path, sop_id: str) -> Path:
    return folder / KONSEP_DIR / f"{sop_id or 'tanpa-id'}.toml"


def load_versions(folder: Path, parse: Callable[[str, str], Sop] = parse_sop,
                  ) -> tuple[dict[str, dict[int, Sop]], list[SopError]]:
    """Every kept version under `folder/versi/`; a broken file is listed, not fatal.
    `parse`: `parse_sop` or a memo's (counter/sop_memo.py)."""
    found: dict[str, dict[int, Sop]] = {}
    errors: list[SopError] = []
    base = folder / VERSIONS_DIR
    if not base.is_dir():
        return found, errors
    for path in sorted(base.glob("*/v*.toml")):
        try:
            sop = load_sop(path, parse)
        except SopError as err:
            errors.append(err)
            continue
        found.setdefault(sop.id, {})[sop.versi] = sop
    return found, errors


def _content(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k not in _VERSION_KEYS}


@dataclass(frozen=True)
class Saved:
    path: Path
    versi: int
    changed: bool
    sop: Sop


def save_sop(folder: Path, data: dict[str, Any], today: str,
             current: Sop | None, kept: list[int] | None = None) -> Saved:
    """Save `data` as the office's current SOP; a change makes version N+1.

    `current` is the SOP in force (bundled or office), kept as `versi/<id>/v<N>.toml`
    before it is replaced. Raises SopError (after keeping the input as a konsep) when
    `data` does not pass the check.
    """
    from counter.sop_write import dump_sop, sop_to_data  # tomli_w: only when saving

    text = dump_sop(data)
    sop_id = str(data.get("id", ""))
    try:
        new = parse_sop(text, str(folder / f"{sop_id}.toml"))
    except SopError:
        target = konsep_path(folder, sop_id)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        raise
    if current is not None and _content(sop_to_data(current)) == _content(sop_to_data(new)):
        return Saved(Path(current.path), current.versi, False, current)
    numbers = [*(kept or []), current.versi if current else 0]
    versi = max(numbers) + 1 if current is not None else max(1, new.versi)
    target = folder / f"{sop_id}.toml"
    if current is not None:
        archive = archive_path(folder, current.id, current.versi)
        if not archive.exists():
            archive.parent.mkdir(parents=True, exist_ok=True)
            archive.write_text(dump_sop(sop_to_data(current)), encoding="utf-8")
        office = Path(current.path)
        if office.parent == folder and office.suffix == ".toml":
            target = office  # an imported file keeps its name
    out = {**data, "versi": versi, "tanggal_versi": today}
    folder.mkdir(parents=True, exist_ok=True)
    target.write_text(dump_sop(out), encoding="utf-8")
    konsep = konsep_path(folder, sop_id)
    if konsep.exists():
        konsep.unlink()  # the konsep became a real version
    return Saved(target, versi, True, load_sop(target))


# ---------------------------------------------------------------- what changed


def _show(value: Any) -> str:
    if isinstance(value, bool):
        return T.YES if value else T.NO
    if isinstance(value, list):
        return "; ".join(_show(v) for v in value) or T.EMPTY
    if isinstance(value, dict):
        return ", ".join(f"{k} {_show(v)}" for k, v in value.items())
    return str(value) if value not in ("", None) else T.EMPTY


def diff_sops(old: Sop, new: Sop) -> list[str]:
    """What changed from `old` to `new`, one Indonesian line per change."""
    from counter.sop_write import sop_to_data

    a, b = sop_to_data(old), sop_to_data(new)
    L = T.DIFF_LABELS
    lines = [T.DIFF_FIELD.format(label=L[k], old=_show(a.get(k)), new=_show(b.get(k)))
             for k in L if k in a and a.get(k) != b.get(k)]
    roles_a = {p["id"]: p for p in a["pelaksana"]}
    roles_b = {p["id"]: p for p in b["pelaksana"]}
    for rid, p in roles_b.items():
        if rid not in roles_a:
            lines.append(T.DIFF_ROLE_ADDED.format(nama=p["nama"]))
        elif p != roles_a[rid]:
            what = ", ".join(f"{L.get(k, k)} {_show(roles_a[rid].get(k, False))} \u2192 "
                             f"{_show(p.get(k, False))}"
                             for k in ("nama", "loket", "pemohon")
                             if roles_a[rid].get(k, False) != p.get(k, False))
            lines.append(T.DIFF_ROLE_CHANGED.format(nama=roles_a[rid]["nama"], what=what))
    lines += [T.DIFF_ROLE_REMOVED.format(nama=p["nama"]) for rid, p in roles_a.items()
              if rid not in roles_b]
    steps_a = {s["no"]: s for s in a["langkah"]}
    steps_b = {s["no"]: s for s in b["langkah"]}
    for no in sorted(set(steps_a) | set(steps_b)):
        if no not in steps_a:
            lines.append(T.DIFF_STEP_ADDED.format(no=no, kegiatan=steps_b[no]["kegiatan"]))
        elif no not in steps_b:
            lines.append(T.DIFF_STEP_REMOVED.format(no=no, kegiatan=steps_a[no]["kegiatan"]))
        else:
            sa, sb = steps_a[no], steps_b[no]
            for k in ("kegiatan", "pelaksana", "kelengkapan", "waktu", "output", "keterangan",
                      "kembali", "lanjut"):
                if sa.get(k, []) != sb.get(k, []):
                    lines.append(T.DIFF_STEP_FIELD.format(no=no, label=L[k],
                                                          old=_show(sa.get(k, [])),
                                                          new=_show(sb.get(k, []))))
    return lines
