"""What an SKM report holds for a period: the index for the unit, per service and
per desk, the respondents' profile, the saran, and the sample against the minimum.

Pure data; the CLI, the screen and the file exports (counter/skm/export.py) only
lay it out.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from counter.skm.index import DEFAULT_WEIGHT, IndexResult, compute
from counter.skm.questions import Questionnaire
from counter.skm.response import Response
from counter.skm.sample import minimum_sample
from counter.texts import skm as T


@dataclass(frozen=True)
class SkmReport:
    start: date
    end: date
    questionnaire: Questionnaire
    responses: tuple[Response, ...]  # respondents only (at least one unsur answered)
    population: int  # visitors served in the period
    unit: IndexResult
    per_service: tuple[tuple[str, IndexResult], ...]
    per_desk: tuple[tuple[int, IndexResult], ...]
    profile: tuple[tuple[str, tuple[tuple[str, int], ...]], ...]  # label → (choice, count)
    saran: tuple[str, ...]

    @property
    def minimum(self) -> int:
        return minimum_sample(self.population)

    @property
    def sample_text(self) -> str:
        got, need = self.unit.respondents, self.minimum
        template = T.SAMPLE_DONE if got >= need else T.SAMPLE_PROGRESS
        return template.format(got=got, need=need)


def build_report(q: Questionnaire, responses: Iterable[Response], *, start: date, end: date,
                 population: int, weight: str = DEFAULT_WEIGHT, layanan: str | None = None,
                 service_names: Mapping[str, str] | None = None) -> SkmReport:
    """The report of `responses` dated start..end (optionally one service only)."""
    chosen = tuple(
        r for r in responses
        if start <= r.tanggal <= end and r.answered and (layanan is None or r.layanan == layanan)
    )
    chosen = tuple(sorted(chosen, key=lambda r: (r.tanggal, r.id)))
    names = service_names or {}

    def index_of(group: Iterable[Response]) -> IndexResult:
        return compute((r.jawaban for r in group), weight)

    services = sorted({r.layanan for r in chosen})
    desks = sorted({r.loket for r in chosen if r.loket is not None})
    profile = tuple(
        (question.nama, tuple(
            (choice, Counter(r.profil.get(question.kode) for r in chosen)[choice])
            for choice in question.pilihan))
        for question in q.profil
    )
    return SkmReport(
        start=start, end=end, questionnaire=q, responses=chosen, population=population,
        unit=index_of(chosen),
        per_service=tuple((names.get(s, s) or "-", index_of(r for r in chosen if r.layanan == s))
                          for s in services),
        per_desk=tuple((d, index_of(r for r in chosen if r.loket == d)) for d in desks),
        profile=profile,
        saran=tuple(r.saran for r in chosen if r.saran),
    )
