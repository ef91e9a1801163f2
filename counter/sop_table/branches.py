"""Reading decision branches out of a table's words.

Decision rows ("jika tidak lengkap, dikembalikan ke langkah 2", "Tidak: kembali ke
Admin", "jika lengkap, langsung ke langkah 4") and decision clauses inside a step's
Kegiatan or Keterangan become returns (`kembali`) or forward jumps (`lanjut`).
A target is a step number, or a role name: a role means the latest earlier step
that role carried out (else the role itself).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_IF = r"(?:jika|apabila|bila|kalau|bilamana|manakala)"
_RETURN_VERB = r"(?:(?:di)?kembalikan|kembali|dikirim kembali|diserahkan kembali)"
_FORWARD_VERB = r"(?:langsung|lanjut|dilanjutkan|diteruskan|menuju)"
_TO = r"(?:ke(?:pada)?|pada)\s*"
_RETURN = re.compile(
    rf"(?P<cond>{_IF}\b[^,;:.]*?|\b(?:tidak|ya|belum lengkap|tidak lengkap)\b)?\s*[,:;]?\s*"
    rf"(?:maka\s+)?(?:berkas\s+|dokumen\s+|file\s+)?{_RETURN_VERB}\s+(?:lagi\s+)?{_TO}"
    r"(?P<target>[^,;.]+)",
    re.IGNORECASE,
)
_FORWARD = re.compile(
    rf"(?P<cond>{_IF}\b[^,;:.]*?|\b(?:ya|lengkap)\b)?\s*[,:;]?\s*(?:maka\s+)?"
    rf"{_FORWARD_VERB}\s+(?:ke\s+)?(?:langkah|no\.?|nomor)\s*(?P<target>\d+)",
    re.IGNORECASE,
)
_STEP_NO = re.compile(r"^(?:langkah|no\.?|nomor|step)\s*(\d+)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Branch:
    syarat: str
    forward: bool
    ke_langkah: int | None = None
    role_text: str = ""  # the target's words when it is not a step number


def is_decision_text(text: str) -> bool:
    return bool(_RETURN.search(text) or _FORWARD.search(text))


def read_branches(text: str) -> list[Branch]:
    """Every return and forward jump written in `text` (a decision row or a cell)."""
    out: list[Branch] = []
    for m in _FORWARD.finditer(text):
        out.append(Branch(_syarat(m.group("cond"), text, m.start()), True,
                          int(m.group("target"))))
    for m in _RETURN.finditer(text):
        target = m.group("target").strip()
        step = _STEP_NO.match(target)
        out.append(Branch(_syarat(m.group("cond"), text, m.start()), False,
                          int(step.group(1)) if step else None,
                          "" if step else target))
    return out


def _syarat(cond: str | None, text: str, start: int) -> str:
    """The condition as written ("jika tidak setuju"); for a row like "Tidak, kembali …"
    the words before the verb."""
    if cond and cond.strip():
        return cond.strip(" ,;:")
    before = text[:start].strip(" ,;:")
    clause = re.split(r"[,;.]", before)[-1].strip() if before else ""
    return clause or "tidak"


def match_role(target: str, names: list[str]) -> str | None:
    """The longest role name the target's words contain ("kebidang" → "Bidang …" fails
    softly: None)."""
    t = re.sub(r"\s+", " ", target.lower())
    hits = [n for n in names if n.lower() in t]
    if not hits:
        t2 = re.sub(r"^(?:ke|kepada)", "", t.replace(" ", ""))
        hits = [n for n in names if n.lower().replace(" ", "") in t2]
    return max(hits, key=len) if hits else None
