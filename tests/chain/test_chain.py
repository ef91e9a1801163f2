"""Tamper evidence: every kind of hand edit of a day file is found and located by
`loket periksa`, an untouched store verifies, an old store is accepted as it is."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from counter.config import resolve_paths
from screens.cli import main
from tests.chain.kit import DAY1, DAY2, day_path, events_of, load, make_store, save

FIXTURE_V1 = Path(__file__).resolve().parents[1] / "fixtures" / "store_v1" / "store"


def periksa(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(["periksa", *args])
    out = capsys.readouterr()
    return code, out.out + out.err


def test_an_untouched_store_verifies(capsys) -> None:
    store, *_ = make_store()
    code, out = periksa(capsys)
    assert code == 0, out
    assert "Rantai utuh: 2 berkas hari" in out
    data = load(day_path(store, DAY1))
    # one link per event, each naming its event
    assert sorted(link["e"] for link in data["chain"].values()) == sorted(data["events"])


def test_an_edited_field_is_found_with_its_case_and_event(capsys) -> None:
    store, _desk, _clock, codes = make_store()
    path = day_path(store, DAY2)
    data = load(path)
    _doc, ev = events_of(data, codes[DAY2][2])[2]  # the third event: the note
    assert ev["type"] == "note"
    ev["data"]["text"] = "catatan yang dipalsukan"
    save(path, data)
    code, out = periksa(capsys)
    assert code == 1
    assert "RANTAI RUSAK pada 1 berkas hari" in out
    assert str(path) in out and ev["id"] in out
    assert "261125-01-003" in out  # the case, in its human form
    assert "isi catatan diubah" in out


def test_a_deleted_event_is_found(capsys) -> None:
    store, _desk, _clock, codes = make_store()
    path = day_path(store, DAY1)
    data = load(path)
    doc, ev = events_of(data, codes[DAY1][1])[-1]  # the closing
    del data["events"][doc]
    save(path, data)
    code, out = periksa(capsys)
    assert code == 1 and ev["id"] in out and "catatan dihapus" in out


def test_a_deleted_event_and_its_link_is_found_at_the_next_link(capsys) -> None:
    store, _desk, _clock, codes = make_store()
    path = day_path(store, DAY1)
    data = load(path)
    doc, _ev = events_of(data, codes[DAY1][0])[2]
    del data["events"][doc]
    number = next(n for n, link in data["chain"].items() if link["e"] == doc)
    del data["chain"][number]
    save(path, data)
    code, out = periksa(capsys)
    assert code == 1
    assert "mata rantai sebelum catatan ini hilang" in out


def test_an_inserted_event_is_found(capsys) -> None:
    store, _desk, _clock, codes = make_store()
    path = day_path(store, DAY2)
    data = load(path)
    _doc, ev = events_of(data, codes[DAY2][2])[-1]
    forged = {**ev, "id": "01KB2Z3Q5E0000000000000000", "seq": ev["seq"] + 1,
              "type": "note", "data": {"text": "sudah diterima lengkap"}}
    data["events"][str(max(map(int, data["events"])) + 1)] = forged
    save(path, data)
    code, out = periksa(capsys)
    assert code == 1 and forged["id"] in out and "disisipkan" in out


def test_reordered_events_are_found(capsys) -> None:
    store, _desk, _clock, codes = make_store()
    path = day_path(store, DAY1)
    data = load(path)
    (_a, first), (_b, second) = events_of(data, codes[DAY1][0])[1:3]
    first["seq"], second["seq"] = second["seq"], first["seq"]
    save(path, data)
    code, out = periksa(capsys)
    assert code == 1 and "urutan catatan diubah" in out
    assert first["id"] in out


def test_a_day_file_replaced_by_an_older_copy_is_found(capsys, tmp_path: Path) -> None:
    store, desk, _clock, codes = make_store()
    path = day_path(store, DAY1)
    older = tmp_path / "copy.json"
    shutil.copy2(path, older)
    desk.note(codes[DAY1][2], "sore hari")  # the day file grows after the copy was taken
    shutil.copy2(older, path)
    code, out = periksa(capsys)
    assert code == 1
    assert "salinan lama" in out and str(path) in out


def test_an_earlier_day_replaced_before_the_next_day_began_is_found(capsys,
                                                                    tmp_path: Path) -> None:
    """Even without the ledger (deleted too), the next day's first link names a hash the
    older copy does not have."""
    store, _desk, _clock, _codes = make_store()
    path = day_path(store, DAY1)
    data = load(path)
    # the copy from before the last writes of day 1 (closing of its second case)
    last_docs = sorted(data["events"], key=int)[-1:]
    for doc in last_docs:
        del data["events"][doc]
        del data["chain"][max(data["chain"], key=int)]
    save(path, data)
    (store.store_dir / "rantai.json").unlink()
    code, out = periksa(capsys)
    assert code == 1
    assert "2026-11-24" in out and "salinan lama" in out
    assert str(day_path(store, DAY2)) in out  # found while checking the next day


def test_an_edit_across_two_days_names_both(capsys) -> None:
    store, _desk, _clock, codes = make_store()
    for day in (DAY1, DAY2):
        path = day_path(store, day)
        data = load(path)
        _doc, ev = events_of(data, codes[day][0])[0]
        ev["data"]["visitor"]["nama"] = "Orang Lain"
        save(path, data)
    code, out = periksa(capsys)
    assert code == 1 and "RANTAI RUSAK pada 2 berkas hari" in out
    assert str(day_path(store, DAY1)) in out and str(day_path(store, DAY2)) in out
    # a range names only what is in it
    code, out = periksa(capsys, "--dari", "2026-11-25", "--sampai", "2026-11-25")
    assert code == 1 and str(day_path(store, DAY1)) not in out


def test_a_deleted_day_file_is_found(capsys) -> None:
    store, *_ = make_store()
    day_path(store, DAY1).unlink()
    code, out = periksa(capsys)
    assert code == 1 and "2026-11-24 tidak ada lagi" in out


def test_an_edit_by_hand_is_not_laundered_by_the_next_write(capsys) -> None:
    """An event slipped into the file is not new to the next writer: it stays unlinked."""
    store, desk, _clock, codes = make_store()
    path = day_path(store, DAY2)
    data = load(path)
    _doc, ev = events_of(data, codes[DAY2][2])[-1]
    forged = {**ev, "id": "01KB2Z3Q5E0000000000000001", "seq": ev["seq"] + 1,
              "type": "note", "data": {"text": "disisipkan"}}
    data["events"][str(max(map(int, data["events"])) + 1)] = forged
    save(path, data)
    desk.note(codes[DAY2][0], "tindakan biasa sesudahnya")
    code, out = periksa(capsys)
    assert code == 1 and forged["id"] in out


def test_an_old_store_is_accepted_and_chained_from_the_first_new_event(capsys) -> None:
    store_dir = resolve_paths().store_dir
    shutil.copytree(FIXTURE_V1, store_dir)
    code, out = periksa(capsys)
    assert code == 0, out
    assert "catatan lama" in out and "diterima apa adanya" in out
    from counter.desk import Desk
    from store import open_store
    from tests.chain.kit import CATALOG, PROFILE

    store = open_store(store_dir, PROFILE.tz)
    desk = Desk(store, CATALOG, PROFILE, officer="Siti Aminah")
    day_file = sorted(store_dir.glob("2026/*.json"))[-1]
    code_old = next(iter(load(day_file)["events"].values()))["code"]
    desk.note(code_old, "catatan sesudah pembaruan")
    data = load(day_file)
    assert len(data["chain"]) == 1 and data["chain"]["1"]["base"]["n"] == len(data["events"]) - 1
    code, out = periksa(capsys)
    assert code == 0, out
    # from now on the old events of that file are frozen too
    first_doc = min(data["events"], key=int)
    data["events"][first_doc]["officer"] = "Orang Lain"
    save(day_file, data)
    code, out = periksa(capsys)
    assert code == 1 and "sebelum rantai dimulai" in out


def test_periksa_on_an_empty_store(capsys) -> None:
    code, out = periksa(capsys)
    assert code == 0 and "Tidak ada berkas hari" in out


def test_the_ledger_records_each_day_head() -> None:
    store, *_ = make_store()
    ledger = json.loads((store.store_dir / "rantai.json").read_bytes())["days"]
    for day in (DAY1, DAY2):
        data = load(day_path(store, day))
        last = data["chain"][max(data["chain"], key=int)]
        assert ledger[day.isoformat()] == [len(data["chain"]), last["h"]]


def test_loket_kasus_says_when_its_record_was_edited(capsys) -> None:
    store, _desk, _clock, codes = make_store()
    path = day_path(store, DAY2)
    data = load(path)
    _doc, ev = events_of(data, codes[DAY2][2])[2]
    ev["data"]["text"] = "dipalsukan"
    save(path, data)
    assert main(["kasus", codes[DAY2][2]]) == 0
    out = capsys.readouterr().out
    assert "Rantai catatan kasus ini rusak" in out and ev["id"] in out
    assert main(["kasus", codes[DAY2][0]]) == 0  # another case of that day
    assert "Rantai catatan berkas hari ini rusak" in capsys.readouterr().out
    assert main(["kasus", codes[DAY1][0]]) == 0  # another day: nothing to say
    assert "Rantai" not in capsys.readouterr().out
    assert main(["kasus", codes[DAY2][2], "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["rantai_rusak"]
