"""Receipts and slips: they scan, they say the right things, they fit the paper."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pypdfium2 as pdfium
import pytest
import zxingcpp
from PIL import Image
from pypdf import PdfReader
from pypdf.generic import DictionaryObject

from counter.barcode_draw import MIN_QUIET_MODULES, code128_modules, symbol_width
from counter.codes import make_code
from counter.errors import PrintError
from counter.paper_sizes import DPIS
from counter.receipt import KINDS, PAPERS, HandOff, Letterhead, ReceiptData, Return, render
from counter.receipt.layout import bar_spec
from counter.visitor import mask_telepon
from tests.pdf_scan import decoded, flat_text, grey_pixels, one_bit, pages_at_dpi

WIB = ZoneInfo("Asia/Jakarta")
DPI = 203
MM = 72 / 25.4
CODE = make_code(date(2026, 11, 25), 1, 7)  # desk 1, 7th case of the day
NIK = "3507124501900002"  # Kab. Malang, a woman born 5 Jan 1990
TELEPON = "+6281234567890"  # as counter.visitor stores it
SERVICE = "Penerbitan Nomor Induk Berusaha (NIB) bagi Usaha Mikro melalui OSS RBA"
OFFICER = "Dewi Ayu Lestari Å"
VISITOR = "Siti Nur'aini Ç Ğ"


def sample(**changes) -> ReceiptData:
    data = ReceiptData(
        letterhead=Letterhead(
            "Dinas Koperasi dan Usaha Mikro Kabupaten Malang",
            "PLUT KUMKM",
            "Jl. Panji No. 158, Kepanjen",
            "(0341) 393000",
        ),
        code=CODE,
        opened_at=datetime(2026, 11, 25, 9, 5, tzinfo=WIB),
        visitor_nama=VISITOR,
        sop_nama=SERVICE,
        sop_nomor="065/123/35.07.115/2026",
        officer=OFFICER,
        visitor_nik=NIK,
        visitor_telepon=TELEPON,
        nama_usaha="UD Sumber Rejeki",
        desk=1,
        received=("Fotokopi KTP", "Pasfoto 3x4"),
        estimated_completion=datetime(2026, 12, 2, 9, 5, tzinfo=WIB),
        estimate_text="5 hari kerja",
        handoff=HandOff(
            step_no=3,
            kegiatan="Verifikasi dan paraf",
            from_role="Petugas Loket",
            to_role="Kepala Bidang UMKM",
            from_officer=OFFICER,
            to_name="Bambang Sutrisno",
            handed_at=datetime(2026, 11, 25, 10, 15, tzinfo=WIB),
            documents=("Formulir permohonan", "Fotokopi KTP"),
            output="Draf surat rekomendasi",
            due_at=datetime(2026, 11, 26, 10, 15, tzinfo=WIB),
            waktu="1 hari kerja",
        ),
        missing=("Surat keterangan domisili usaha", "NPWP pribadi"),
        returned=Return(
            from_step=4, from_kegiatan="Verifikasi berkas oleh Kepala Bidang",
            to_step=2, to_kegiatan="Pemeriksaan kelengkapan di loket",
            to_role="Petugas Loket", reason="Tanda tangan pada formulir belum ada",
            rule="Berkas tidak sesuai", returned_at=datetime(2026, 11, 26, 8, 30, tzinfo=WIB),
            officer="Bambang Sutrisno",
        ),
    )
    return replace(data, **changes)


ALL = [(k, p) for k in KINDS for p in PAPERS]


@pytest.fixture(scope="module")
def rendered() -> dict[tuple[str, str], bytes]:
    return {(k, p): render(k, sample(), p) for k, p in ALL}


@pytest.mark.parametrize(("kind", "paper"), ALL)
def test_barcode_decodes_to_the_case_code(rendered, kind, paper):
    first = pages_at_dpi(rendered[kind, paper])[0]
    assert decoded(first) == [CODE]
    assert decoded(one_bit(first)) == [CODE]


def test_another_code_decodes_too():
    for code in (make_code(date(2027, 1, 1), 99, 999), make_code(date(2026, 1, 1), 1, 1)):
        pdf = render("tanda-terima", sample(code=code), "58mm")
        assert decoded(one_bit(pages_at_dpi(pdf)[0])) == [code]


def _barcode_row(img: Image.Image) -> tuple[list[int], int, int]:
    """The grey values along the middle of the symbol, with its first and last bar x."""
    result = zxingcpp.read_barcodes(img)[0]
    pos = result.position
    y = (pos.top_left.y + pos.bottom_left.y) // 2
    px = grey_pixels(img)
    row = [px(x, y) for x in range(img.size[0])]
    dark = [x for x, v in enumerate(row) if v < 128]
    # the symbol's own bars: the dark pixels between zxing's corners (text lies elsewhere)
    bars = [x for x in dark if pos.top_left.x - 2 <= x <= pos.top_right.x + 2]
    return row, bars[0], bars[-1]


@pytest.mark.parametrize("dpi", DPIS)
@pytest.mark.parametrize("paper", list(PAPERS))
def test_every_bar_is_a_whole_number_of_dots_with_quiet_zones(paper, dpi):
    img = pages_at_dpi(render("tanda-terima", sample(), paper, dpi), dpi)[0]
    row, first, last = _barcode_row(img)
    dots = PAPERS[paper].module_dots(dpi)
    assert dots >= 2
    segment = row[first : last + 1]
    assert all(v < 5 or v > 250 for v in segment), "bars must not straddle printer dots"
    runs = [
        len(m.group())
        for m in re.finditer(r"1+|0+", "".join("1" if v < 128 else "0" for v in segment))
    ]
    assert all(r % dots == 0 for r in runs)
    # and they are python-barcode's modules, one for one
    modules = code128_modules(CODE)
    expected = [len(m.group()) * dots for m in re.finditer(r"1+|0+", modules)]
    assert runs == expected
    quiet = MIN_QUIET_MODULES * dots
    assert all(v > 250 for v in row[first - quiet : first])
    assert all(v > 250 for v in row[last + 1 : last + 1 + quiet])


def test_barcode_fits_every_paper_without_scaling():
    for paper in PAPERS.values():
        for dpi in DPIS:
            for code in ("000000000000", "999999999999", CODE):  # set C: 12 digits alike
                assert symbol_width(code, bar_spec(paper, dpi)) <= paper.content_width


@pytest.mark.parametrize(("kind", "paper"), ALL)
def test_masked_nik_printed_never_the_full_one(rendered, kind, paper):
    text = flat_text(rendered[kind, paper])
    squeezed = text.replace(" ", "").replace("-", "")
    assert NIK not in squeezed and "81234567890" not in squeezed
    if kind == "tanda-terima":
        assert "3507********0002" in text
        assert mask_telepon(TELEPON) in text and "*" in mask_telepon(TELEPON)


@pytest.mark.parametrize("paper", list(PAPERS))
def test_tanda_terima_names_service_officer_and_estimate(rendered, paper):
    text = flat_text(rendered["tanda-terima", paper])
    for expected in (
        SERVICE,
        OFFICER,
        VISITOR,
        "065/123/35.07.115/2026",
        "Rabu, 2 Desember 2026 pukul 09.05 WIB",
        "5 hari kerja",
        "Rabu, 25 November 2026 pukul 09.05 WIB",
        f"261125-01-007-{CODE[-1]}",
        "Fotokopi KTP",
        "Pasfoto 3x4",
        "TANDA TERIMA BERKAS",
        "Yang menyerahkan",
        "Yang menerima",
        "Simpan tanda terima ini",
    ):
        assert expected in text, expected


@pytest.mark.parametrize("paper", list(PAPERS))
def test_hand_off_slip_names_step_roles_documents_and_due_time(rendered, paper):
    text = flat_text(rendered["serah-terima", paper])
    for expected in (
        "LEMBAR SERAH TERIMA BERKAS",
        "3. Verifikasi dan paraf",
        "Petugas Loket",
        "Kepala Bidang UMKM",
        "Bambang Sutrisno",
        "Formulir permohonan",
        "Draf surat rekomendasi",
        "Kamis, 26 November 2026 pukul 10.15 WIB",
        "1 hari kerja",
        "Diterima tgl/jam",
    ):
        assert expected in text, expected


@pytest.mark.parametrize("paper", list(PAPERS))
def test_berkas_kurang_lists_what_is_missing(rendered, paper):
    text = flat_text(rendered["berkas-kurang", paper])
    assert "BERKAS BELUM LENGKAP" in text
    assert "1. Surat keterangan domisili usaha" in text
    assert "2. NPWP pribadi" in text


def _char_boxes(pdf: bytes) -> list[tuple[float, float, float, float, float]]:
    """(left, right, page_width) of every printed character, in points."""
    doc = pdfium.PdfDocument(pdf)
    boxes = []
    for i in range(len(doc)):
        page = doc[i]
        tp = page.get_textpage()
        for c in range(tp.count_chars()):
            left, bottom, right, top = tp.get_charbox(c)
            if right > left:
                boxes.append((left, right, page.get_width(), bottom, top))
    return boxes


LONG = sample(
    visitor_nama="Raden Ajeng Siti Nur'aini Ç Ğ Kusumawardhani Binti Haji Abdullah Syamsuddin",
    nama_usaha="Koperasi Produsen Kerajinan Tangan Anyaman Bambu Sejahtera Bersama",
    sop_nama=SERVICE + " dan Fasilitasi Sertifikasi Halal Gratis (SEHATI)",
    officer="Dewi Ayu Lestari Å Purnamasari Wulandari",
    received=(
        *(
            f"Dokumen persyaratan nomor {i} yang ditandatangani di atas meterai"
            for i in range(1, 16)
        ),
        "surat-pernyataan-kesanggupan-mematuhi-persyaratan-usaha-tanpa-spasi@contoh.go.id",
    ),
    missing=tuple(f"Kelengkapan tambahan nomor {i} dari kelurahan setempat" for i in range(12)),
)


@pytest.mark.parametrize(("kind", "paper"), ALL)
def test_long_names_and_lists_stay_inside_the_printable_width(kind, paper):
    pdf = render(kind, LONG, paper)
    margin = PAPERS[paper].margin_x
    boxes = _char_boxes(pdf)
    assert boxes
    for left, right, width, _, _ in boxes:
        assert left >= margin - 0.5 and right <= width - margin + 0.5
    # nothing at all (bars, rules, glyphs) is painted in the side margins
    margin_px = int(margin / 72 * DPI) - 1
    for img in pages_at_dpi(pdf):
        w, h = img.size
        px = grey_pixels(img)
        for x in (*range(margin_px), *range(w - margin_px, w)):
            assert all(px(x, y) > 250 for y in range(0, h, 2)), f"ink at x={x}"
    text = flat_text(pdf)
    assert "Kusumawardhani Binti Haji Abdullah Syamsuddin" in text
    if kind == "tanda-terima":
        assert "15. Dokumen persyaratan nomor 15" in text


def test_roll_length_follows_content_and_a5_is_a5():
    short = PdfReader(io.BytesIO(render("tanda-terima", sample(received=()), "80mm"))).pages[0]
    long = PdfReader(io.BytesIO(render("tanda-terima", LONG, "80mm"))).pages[0]
    # the paper's width, to the printer dot (a page is a whole number of dots)
    assert float(short.mediabox.width) == pytest.approx(80 * MM, abs=72 / 203)
    assert float(long.mediabox.height) > float(short.mediabox.height) + 40 * MM
    a5 = PdfReader(io.BytesIO(render("tanda-terima", sample(), "a5"))).pages
    assert len(a5) == 1
    assert (float(a5[0].mediabox.width), float(a5[0].mediabox.height)) == pytest.approx(
        (148 * MM, 210 * MM), abs=72 / 203
    )


def test_a5_overflow_goes_to_a_second_page_and_keeps_the_barcode_on_the_first():
    many = sample(received=tuple(f"Dokumen nomor {i}" for i in range(1, 60)))
    pdf = render("tanda-terima", many, "a5")
    pages = pages_at_dpi(pdf)
    assert len(pages) >= 2
    assert decoded(pages[0]) == [CODE]
    text = flat_text(pdf)
    assert "59. Dokumen nomor 59" in text
    assert "(lanjutan, halaman 2)" in text  # a loose sheet still names its case
    a5 = PAPERS["a5"]
    for _, _, _, bottom, top in _char_boxes(pdf):
        assert bottom >= a5.margin_bottom - 1 and top <= 210 * MM - 3 * MM


def test_font_is_embedded_and_non_ascii_names_print():
    pdf = render("tanda-terima", sample(visitor_nama="Dewi Ayu Lestari Å"), "58mm")
    reader = PdfReader(io.BytesIO(pdf))
    resources = reader.pages[0]["/Resources"].get_object()
    assert isinstance(resources, DictionaryObject)
    fonts = resources["/Font"].get_object()
    assert isinstance(fonts, DictionaryObject)
    for ref in fonts.values():
        font = ref.get_object()
        descendant = (
            font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
        )
        assert "/FontFile2" in descendant["/FontDescriptor"].get_object()
    text = flat_text(pdf)
    assert "Dewi Ayu Lestari Å" in text
    assert VISITOR in flat_text(render("berkas-kurang", sample(), "80mm"))


def test_no_nik_or_phone_means_no_such_lines():
    text = flat_text(render("tanda-terima", sample(visitor_nik="", visitor_telepon=""), "80mm"))
    assert "NIK" not in text and "*" not in text


def test_missing_logo_file_does_not_stop_the_receipt(tmp_path):
    head = replace(sample().letterhead, logo=tmp_path / "tidak-ada.png")
    pdf = render("tanda-terima", sample(letterhead=head), "80mm")
    assert decoded(pages_at_dpi(pdf)[0]) == [CODE]


def test_logo_is_drawn_when_given(tmp_path):
    logo = tmp_path / "logo.png"
    Image.new("RGB", (60, 80), (200, 30, 30)).save(logo)
    for paper in PAPERS:
        head = replace(sample().letterhead, logo=logo)
        pdf = render("tanda-terima", sample(letterhead=head), paper)
        img = pdfium.PdfDocument(pdf)[0].render(scale=DPI / 72).to_pil().convert("RGB")
        reds = sum(1 for r, g, b in img.get_flattened_data() if r > 150 and g < 80 and b < 80)
        assert reds > 100, paper
        assert decoded(img.convert("L")) == [CODE]


@pytest.mark.parametrize(
    ("kind", "paper", "data", "words"),
    [
        ("struk", "80mm", sample(), "jenis dokumen"),
        ("tanda-terima", "A4", sample(), "ukuran kertas"),
        ("tanda-terima", "80mm", sample(code="12345"), "12345"),
        ("tanda-terima", "80mm", sample(code=CODE[:-1] + str((int(CODE[-1]) + 1) % 10)), "kode"),
        ("serah-terima", "80mm", sample(handoff=None), "serah terima"),
        ("berkas-kurang", "58mm", sample(missing=()), "belum ada"),
    ],
)
def test_bad_requests_raise_print_error_in_indonesian(kind, paper, data, words):
    with pytest.raises(PrintError) as err:
        render(kind, data, paper)
    assert words in str(err.value)


# ----- from a real case: events folded, clock measured ---------------------------


def _folded_case():
    from counter import case as C
    from counter.calendar import WorkingCalendar
    from counter.clock import measure_case
    from counter.config import CalendarSettings, Profile
    from counter.sop import MutuBaku, Pelaksana, Sop, Source, Step
    from counter.waktu import parse_waktu

    def step(no, kegiatan, waktu, role, kelengkapan=(), output=""):
        return Step(no, kegiatan, (role,), MutuBaku(kelengkapan, parse_waktu(waktu), output))

    sop = Sop(
        id="uji-nib",
        nama="Fasilitasi NIB Usaha Mikro",
        status="berlaku",
        instansi="Dinas",
        source=Source("uji.txt"),
        nomor="11/SOP/UJI/2026",
        pelaksana=(
            Pelaksana("admin", "Petugas Loket", loket=True),
            Pelaksana("kabid", "Kepala Bidang Usaha Mikro"),
        ),
        steps=(
            step(
                1,
                "Menerima dan memeriksa berkas",
                "15 menit",
                "admin",
                ("KTP", "Foto usaha"),
                "Berkas lengkap",
            ),
            step(
                2,
                "Memeriksa dan memaraf konsep",
                "1 hari",
                "kabid",
                ("Berkas permohonan", "Konsep rekomendasi"),
                "Konsep diparaf",
            ),
            step(3, "Menyerahkan hasil", "30 menit", "admin"),
        ),
    )
    code, who = make_code(date(2026, 11, 25), 1, 12), "Dewi Ayu Lestari Å"
    visitor = {"nama": VISITOR, "nik": NIK, "telepon": "081234567890"}
    t = lambda h, m: datetime(2026, 11, 25, h, m, tzinfo=WIB)  # noqa: E731
    events = [
        C.opened(code, t(9, 0), who, 1, "uji-nib", visitor),
        C.step_started(code, t(9, 0), who, 1, 1),
        C.kelengkapan_checked(code, t(9, 3), who, 1, 1, ["KTP"], ["Foto usaha"]),
        C.waiting_applicant(code, t(9, 4), who, 1, 1, ["Foto usaha"]),
    ]
    later = [
        C.resumed(code, t(10, 0), who, 1, 1),
        C.kelengkapan_checked(code, t(10, 1), who, 1, 1, ["KTP", "Foto usaha"], []),
        C.step_completed(code, t(10, 5), who, 1, 1, "Berkas diperiksa lengkap"),
        C.handed_off(
            code,
            t(10, 10),
            who,
            1,
            2,
            from_role="admin",
            to_role="kabid",
            to_name="Bambang Sutrisno",
        ),
    ]
    cal = WorkingCalendar(CalendarSettings(), WIB)
    profile = Profile(instansi="Dinas Koperasi Kota Uji", unit="PLUT KUMKM", alamat="Jl. Uji 1")

    def at_stage(evs, now):
        state = C.fold([dict(ev, seq=i) for i, ev in enumerate(evs)], sop)
        return state, measure_case(state, sop, cal, now)

    return sop, profile, at_stage(events, t(9, 5)), at_stage(events + later, t(10, 11))


def test_receipt_data_from_a_folded_case_prints_and_scans():
    from counter.receipt import receipt_data_for

    sop, profile, (waiting, waiting_t), (handed, handed_t) = _folded_case()
    now = datetime(2026, 11, 25, 10, 11, tzinfo=WIB)

    slip = receipt_data_for(waiting, sop, profile, waiting_t, "berkas-kurang", now=now)
    assert slip.missing == ("Foto usaha",)
    text = flat_text(render("berkas-kurang", slip, "58mm"))
    assert "1. Foto usaha" in text and "Dinas Koperasi Kota Uji".upper() in text

    receipt = receipt_data_for(handed, sop, profile, handed_t, "tanda-terima", now=now)
    assert receipt.received == ("KTP", "Foto usaha")
    assert receipt.estimated_completion == handed_t.estimated_completion is not None
    # 15 min + 1 working day + 30 min laid end to end: more than one day, so two days
    assert receipt.estimate_text == "2 hari kerja"
    pdf = render("tanda-terima", receipt, "80mm")
    text = flat_text(pdf)
    assert "Fasilitasi NIB Usaha Mikro" in text and "11/SOP/UJI/2026" in text
    assert "3507********0002" in text and NIK not in text
    assert "2 hari kerja" in text
    assert decoded(pages_at_dpi(pdf)[0]) == [handed.code]

    hand = receipt_data_for(handed, sop, profile, handed_t, "serah-terima", now=now).handoff
    assert hand is not None
    assert (hand.step_no, hand.from_role, hand.to_role, hand.to_name) == (
        2,
        "Petugas Loket",
        "Kepala Bidang Usaha Mikro",
        "Bambang Sutrisno",
    )
    # what actually travels: the sending step's output and the file's documents, not the
    # receiving step's own kelengkapan list
    assert hand.documents == ("Berkas diperiksa lengkap", "KTP", "Foto usaha")
    assert hand.output == "Berkas diperiksa lengkap"
    assert hand.due_at is not None and hand.due_at.date() == date(2026, 11, 26)
    slip_pdf = render(
        "serah-terima",
        receipt_data_for(handed, sop, profile, handed_t, "serah-terima", now=now),
        "a5",
    )
    text = flat_text(slip_pdf)
    assert "2. Memeriksa dan memaraf konsep" in text and "Kamis, 26 November 2026" in text
    assert decoded(one_bit(pages_at_dpi(slip_pdf)[0])) == [handed.code]
