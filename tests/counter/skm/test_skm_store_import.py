"""Responses kept anonymous on disk; paper surveys imported row by row."""

from __future__ import annotations

import json
import stat
from datetime import date

import pytest

from counter.skm.paper_import import import_table
from counter.skm.questions import SkmError, bundled_questionnaire
from counter.skm.response import make_response
from store.skm_store import SurveyStore

Q = bundled_questionnaire()


def response(day: int, score: int, layanan: str = "pct-07", saran: str = ""):
    return make_response(Q, tanggal=date(2026, 11, day), layanan=layanan, loket=1,
                         jawaban=dict.fromkeys([f"U{i}" for i in range(1, 10)], score),
                         saran=saran)


def test_responses_round_trip_and_are_owner_only(tmp_path):
    store = SurveyStore(tmp_path, Q)
    assert store.add([response(2, 4), response(3, 3), response(30, 2)]) == 3
    got = list(store.between(date(2026, 11, 1), date(2026, 11, 30)))
    assert sorted(r.jawaban["U1"] or 0 for r in got) == [2, 3, 4]
    month = tmp_path / "skm" / "2026-11.json"
    assert stat.S_IMODE(month.stat().st_mode) == 0o600
    (only,) = store.between(date(2026, 11, 3), date(2026, 11, 3))
    assert only.jawaban["U1"] == 3


def test_adding_the_same_response_twice_stores_it_once(tmp_path):
    store = SurveyStore(tmp_path, Q)
    r = response(2, 4)
    store.add([r])
    assert store.add([r]) == 0
    assert len(list(store.between(date(2026, 11, 1), date(2026, 11, 30)))) == 1


def test_the_file_order_does_not_follow_the_order_of_answers(tmp_path):
    store = SurveyStore(tmp_path, Q)
    answered = [response(5, 1 + i % 4) for i in range(40)]
    for r in answered:  # one at a time, as visitors answer through the day
        store.add([r])
    stored = json.loads((tmp_path / "skm" / "2026-11.json").read_text())["responses"]
    ids = [r["id"] for r in stored]
    assert ids == sorted(ids)  # ordered by a random id …
    assert ids != [r.id for r in answered]  # … not by the moment of answering


def test_a_hand_edited_bad_record_is_reported_not_fatal(tmp_path):
    store = SurveyStore(tmp_path, Q)
    store.add([response(2, 4)])
    path = tmp_path / "skm" / "2026-11.json"
    data = json.loads(path.read_text())
    data["responses"].append({"id": "x", "tanggal": "2026-11-04", "jawaban": {"U1": 9}})
    path.write_text(json.dumps(data))
    got = list(store.between(date(2026, 11, 1), date(2026, 11, 30)))
    assert len(got) == 1
    assert any("U1" in p for p in store.problems)


def test_paper_import_reads_good_rows_and_names_bad_ones(tmp_path):
    table = tmp_path / "kertas.csv"
    table.write_text(
        "Rekap survei kertas semester II\n"
        "Tanggal,Layanan,U1,U2,U3,U4,U5,U6,U7,U8,U9,Jenis kelamin,Saran\n"
        "2026-11-02,pct-07,4,3,3,4,3,3,4,3,3,Perempuan,Ruang tunggu panas\n"
        "03/11/2026,pct-07,3,3,3,4,3,3,3,3,,Laki-laki,\n"
        "2026-11-04,pct-07,5,3,3,4,3,3,3,3,3,,\n"
        "kemarin lusa,pct-07,3,3,3,3,3,3,3,3,3,,\n",
        encoding="utf-8")
    result = import_table(table, Q)
    assert len(result.responses) == 2
    assert result.responses[1].tanggal == date(2026, 11, 3)
    assert result.responses[1].jawaban["U9"] is None
    assert result.responses[0].profil == {"jenis_kelamin": "Perempuan"}
    assert [p.split(": ")[1] for p in result.problems] == ["baris 5", "baris 6"]
    assert "U1" in result.problems[0] and "tanggal" in result.problems[1]


def test_paper_import_xlsx_and_broken_files(tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["tanggal", "layanan", *[f"U{i}" for i in range(1, 10)]])
    ws.append([date(2026, 11, 2), "pct-07", *[4.0] * 9])
    wb.save(tmp_path / "a.xlsx")
    assert len(import_table(tmp_path / "a.xlsx", Q).responses) == 1
    (tmp_path / "b.xlsx").write_bytes(b"\x00\x01 not a workbook")
    with pytest.raises(SkmError, match="tidak dapat dibaca"):
        import_table(tmp_path / "b.xlsx", Q)
    (tmp_path / "c.csv").write_text("nama,umur\nBudi,40\n", encoding="utf-8")
    with pytest.raises(SkmError, match="judul"):
        import_table(tmp_path / "c.csv", Q)
