"""Survey answers for the demo history: about half the visitors whose case closed
as selesai answer, mostly "3", with one weak unsur (waktu) so the demo's report has
something to act on."""

from __future__ import annotations

import random
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

from counter.skm.questions import UNSUR_CODES, Questionnaire
from counter.skm.response import Response, make_response

_SARAN = ("Ruang tunggu agak panas", "Petugas ramah dan jelas", "Mohon informasi syarat di "
          "papan pengumuman", "Antre cukup lama", "Sudah baik, pertahankan")
_WEIGHTS = {"U3": (2, 5, 10, 3), "U8": (1, 3, 10, 4)}
_DEFAULT = (0, 2, 10, 5)


def demo_responses(q: Questionnaire, events: Iterable[Mapping[str, Any]], seed: int = 1
                   ) -> list[Response]:
    rng = random.Random(seed)
    sop_of: dict[str, str] = {}
    out: list[Response] = []
    for event in events:
        data = event.get("data") or {}
        if event.get("type") == "opened":
            sop_of[str(event["code"])] = str(data.get("sop_id", ""))
        elif event.get("type") == "closed" and data.get("outcome") == "selesai":
            if rng.random() > 0.55:
                continue
            answers: dict[str, int | None] = {
                k: rng.choices((1, 2, 3, 4), _WEIGHTS.get(k, _DEFAULT))[0] for k in UNSUR_CODES}
            if rng.random() < 0.1:
                answers[rng.choice(UNSUR_CODES)] = None
            profile = {p.kode: rng.choice(p.pilihan) for p in q.profil if rng.random() < 0.9}
            out.append(make_response(
                q, tanggal=datetime.fromisoformat(str(event["at"])).date(),
                layanan=sop_of.get(str(event["code"]), ""), loket=int(event.get("desk", 1)),
                jawaban=answers, profil=profile,
                saran=rng.choice(_SARAN) if rng.random() < 0.2 else "",
                id=f"{rng.getrandbits(64):016x}"))
    return out
