"""Each paper tells about its own moment of the case, read from a real case on a real
store: the berkas kurang slip (the note, only what is still missing, this request's
time), the lembar pengembalian, reprints marked as copies, a closed case's receipt."""

import re
from datetime import datetime, timedelta

import pytest

from counter.config import default_profile
from counter.desk import Desk
from counter.receipt import render
from counter.sop import load_catalog
from store import open_store
from tests.pdf_scan import flat_text, scan_pdf
from tests.sessions import petugas

WIB = default_profile().tz
VISITOR = {"nama": "Rini Astuti", "nik": "3501014507950003"}


class Clock:
    def __init__(self) -> None:
        self.t = datetime(2026, 11, 25, 9, 0, tzinfo=WIB)  # a Wednesday

    def __call__(self) -> datetime:
        return self.t


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def desk(tmp_path, clock) -> Desk:
    profile = default_profile()
    return Desk(open_store(tmp_path / "store", profile.tz), load_catalog(), profile,
                officer="Siti Aminah", now=clock)


def _paper(desk: Desk, code: str, kind: str, paper: str = "80mm") -> str:
    pdf = render(kind, desk.receipt_data(desk.view(code), kind), paper)
    assert scan_pdf(pdf) == [code]
    return flat_text(pdf)


def test_mid_case_berkas_kurang_slip_has_the_note_only_the_missing_and_this_time(desk, clock):
    form = "Form Profil Sertifikat NIK"
    code = desk.open_case("pct-01-sertifikat-nik", VISITOR, received=[form]).code
    clock.t += timedelta(minutes=10)
    desk.complete_step(code, received=[form])  # step 1 → 2
    clock.t = datetime(2026, 11, 26, 13, 40, tzinfo=WIB)  # the next day, this request
    desk.wait_applicant(code, [form], note="Form harus ditandatangani ketua koperasi")
    data = desk.receipt_data(desk.view(code), "berkas-kurang")
    assert data.missing == (form,)
    text = _paper(desk, code, "berkas-kurang")
    assert "Form harus ditandatangani ketua koperasi" in text
    assert text.count(form) == 1  # under "masih perlu dilengkapi" only
    assert "Yang sudah diterima" not in text
    assert "26 November 2026" in text and "13.40" in text.replace(":", ".")
    assert "25 November 2026" not in text  # not the day the case was opened


def test_return_to_the_applicant_prints_a_lembar_pengembalian(desk, clock):
    code = desk.open_case("pct-17-pengajuan-proposal", VISITOR, received=["Proposal"]).code
    view = desk.view(code)
    while view.state.current_step != 2:
        clock.t += timedelta(minutes=5)
        view = desk.complete_step(code)
    clock.t += timedelta(minutes=5)
    desk.return_step(code, 1, "Proposal belum memuat rencana anggaran")
    text = _paper(desk, code, "pengembalian", "58mm")
    assert "DIKEMBALIKAN" in text
    assert "Dari langkah 2." in text and "Kembali ke langkah 1." in text
    assert "Proposal belum memuat rencana anggaran" in text
    assert "bawa kembali bersama lembar ini" in text  # addressed to the applicant


def test_return_between_officials_names_the_steps_and_the_reason(tmp_path):
    """kbr-1 is done by officials only: a return from step 4 to 3 goes to the ketua tim."""
    profile = default_profile()
    clock = Clock()
    desk = Desk(open_store(tmp_path / "s", profile.tz), load_catalog(), profile,
                officer="Siti Aminah", now=clock)
    code = desk.open_case("kbr-1-fasilitasi-izin-usp", VISITOR).code
    view = desk.view(code)
    for _ in range(10):
        if view.state.current_step == 4:
            break
        clock.t += timedelta(minutes=5)
        view = desk.scan(code).view if view.state.status.value == "menunggu_pelaksana" \
            else desk.complete_step(code)
    if view.state.status.value == "menunggu_pelaksana":
        desk.scan(code)
    assert desk.view(code).state.current_step == 4
    clock.t += timedelta(minutes=5)
    desk.return_step(code, 3, "Data dukung tahun 2025 belum dilampirkan")
    text = _paper(desk, code, "pengembalian", "a5")
    assert re.search(r"Dari langkah :? ?4\. ", text) and re.search(r"Kembali ke langkah :? ?3\. ",
                                                                    text)
    assert "Data dukung tahun 2025 belum dilampirkan" in text
    assert "Pindai kode batang saat berkas diterima" in text


def test_reprint_is_marked_as_a_copy_and_a_closed_case_says_selesai(desk, clock):
    code = desk.open_case("pct-07-konsultasi-bisnis", VISITOR,
                          received=["Form konsultasi bisnis"]).code
    first = _paper(desk, code, "tanda-terima")
    assert "SALINAN" not in first and "Perkiraan selesai" in first
    desk.record_print(code, "tanda-terima", ok=True, printer="PDF")
    clock.t += timedelta(minutes=3)
    desk = desk.acting_as(petugas("Budi Hartono"))  # another officer signs in
    again = _paper(desk, code, "tanda-terima")
    assert "SALINAN — dicetak ulang" in again and "oleh Budi Hartono" in again
    view = desk.view(code)
    for _ in range(12):
        if view.state.closed:
            break
        clock.t += timedelta(minutes=5)
        view = desk.scan(code).view if view.state.status.value == "menunggu_pelaksana" \
            else desk.complete_step(code)
    assert view.state.closed
    done = _paper(desk, code, "tanda-terima")
    assert "Selesai" in done and "Perkiraan selesai" not in done


def test_hand_back_from_an_official_gets_a_slip_like_any_hand_off(desk, clock):
    """pct-07: step 5 is the koordinator's; when it is done the file comes back to the
    counter's step 7, and the serah terima slip tells that hand-back."""
    code = desk.open_case("pct-07-konsultasi-bisnis", VISITOR,
                          received=["Form konsultasi bisnis"]).code
    view = desk.view(code)
    for _ in range(12):
        if view.state.current_step == 5 and view.state.status.value == "berjalan":
            break
        clock.t += timedelta(minutes=5)
        view = desk.scan(code).view if view.state.status.value == "menunggu_pelaksana" \
            else desk.complete_step(code, output="Laporan konsultasi")
    assert view.state.current_step == 5
    clock.t += timedelta(minutes=30)
    view = desk.complete_step(code, output="Hasil evaluasi koordinator")
    assert view.state.current_step == 7
    data = desk.receipt_data(view, "serah-terima")
    assert data.handoff is not None and data.handoff.step_no == 7
    assert data.handoff.documents[:1] == ("Hasil evaluasi koordinator",)
    assert "Form konsultasi bisnis" in data.handoff.documents
    text = _paper(desk, code, "serah-terima")
    assert "7. " in text and "Hasil evaluasi koordinator" in text
    # Loket's own wording of the mutu baku on paper, not the source's "10 Menit"
    assert data.handoff.waktu == "10 menit" and "10 Menit" not in text
