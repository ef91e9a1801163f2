"""SOP files checked once and kept (counter/sop_memo.py): the same catalog as a full
check, a changed or broken file checked again, a damaged cache ignored."""

from __future__ import annotations

import os
import pickle
import time
from pathlib import Path

from counter.sop import load_catalog
from counter.sop_memo import SopMemo
from tests.fresh_process import fresh_process_says

FIXTURE = Path(__file__).parent.parent / "fixtures" / "sop_valid.toml"
VALID = FIXTURE.read_text()


def office(tmp_path: Path) -> Path:
    folder = tmp_path / "sop"
    folder.mkdir()
    (folder / "baik.toml").write_text(VALID, encoding="utf-8")
    (folder / "rusak.toml").write_text("id = [", encoding="utf-8")
    return folder


def test_the_kept_catalog_equals_a_full_check(tmp_path: Path) -> None:
    folder = office(tmp_path)
    checked = load_catalog([folder], memo=False)
    first = load_catalog([folder])  # may check and keep
    again = load_catalog([folder])  # from what was kept
    assert first.sops == checked.sops == again.sops
    assert first.versions == checked.versions == again.versions
    assert [str(e) for e in again.errors] == [str(e) for e in checked.errors]
    assert len(again.errors) == 1 and "rusak.toml" in str(again.errors[0])


def test_a_kept_sop_is_a_fresh_object_each_time(tmp_path: Path) -> None:
    memo = SopMemo(tmp_path)
    a, b = memo.parse(VALID, "kantor/uji.toml"), memo.parse(VALID, "kantor/uji.toml")
    assert a == b and a is not b


def test_a_changed_file_is_checked_again(tmp_path: Path) -> None:
    folder = office(tmp_path)
    load_catalog([folder])
    (folder / "baik.toml").write_text(VALID.replace("Konsultasi Uji", "Konsultasi Diubah"),
                                      encoding="utf-8")
    assert load_catalog([folder]).get("uji-konsultasi").nama == "Konsultasi Diubah"
    (folder / "baik.toml").write_text(VALID + "\nid = [\n", encoding="utf-8")
    catalog = load_catalog([folder])
    assert "uji-konsultasi" not in catalog.sops
    assert sorted(Path(str(e.path)).name for e in catalog.errors) == ["baik.toml", "rusak.toml"]


def test_another_process_reads_what_one_checked(tmp_path: Path) -> None:
    memo = SopMemo(tmp_path)
    memo.parse(VALID, "kantor/uji.toml")
    memo.save()
    assert memo.path is not None and memo.path.exists()
    code = (
        "from pathlib import Path\n"
        "import counter.sop_memo as M\n"
        "calls = []\n"
        "real = M.parse_sop\n"
        "M.parse_sop = lambda text, name: calls.append(name) or real(text, name)\n"
        f"memo = M.SopMemo(Path({str(tmp_path)!r}))\n"
        f"text = Path({str(FIXTURE)!r}).read_text()\n"
        "print(memo.parse(text, 'kantor/uji.toml').id, calls)\n"
    )
    out = fresh_process_says(code)
    assert out == "uji-konsultasi []"


def test_a_damaged_cache_file_is_ignored(tmp_path: Path) -> None:
    memo = SopMemo(tmp_path)
    memo.parse(VALID, "kantor/uji.toml")
    memo.save()
    assert memo.path is not None
    memo.path.write_bytes(b"not a pickle")
    assert SopMemo(tmp_path).parse(VALID, "kantor/uji.toml").id == "uji-konsultasi"
    memo.path.write_bytes(pickle.dumps({b"k": "not bytes"}))
    assert SopMemo(tmp_path).parse(VALID, "kantor/uji.toml").id == "uji-konsultasi"


def test_an_old_file_of_other_code_is_removed_a_recent_one_kept(tmp_path: Path) -> None:
    old, recent = tmp_path / "sop-diperiksa-lama.pickle", tmp_path / "sop-diperiksa-baru.pickle"
    for path in (old, recent):
        path.write_bytes(pickle.dumps({}))
    os.utime(old, (time.time() - 40 * 24 * 3600,) * 2)
    memo = SopMemo(tmp_path)
    memo.parse(VALID, "kantor/uji.toml")
    memo.save()
    assert memo.path is not None and memo.path.exists()
    assert recent.exists() and not old.exists()
