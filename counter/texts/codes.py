"""Texts about case codes (the number printed as a barcode on the tanda terima)."""

WRONG_LENGTH = (
    "kode kasus harus {expected} angka (contoh 261125-01-007-7), tetapi {got} angka diberikan"
)
NOT_DIGITS = "kode kasus hanya boleh berisi angka (dan tanda '-' atau spasi); ditemukan {chars!r}"
BAD_DATE = "kode kasus memuat tanggal yang tidak ada: {yymmdd} (format TTBBHH)"
BAD_CHECK = (
    "angka pemeriksa kode kasus salah: kode ini salah ketik atau salah baca; periksa lagi"
)
BAD_DESK = "nomor loket harus 1 sampai 99 (00 untuk demo), bukan {desk}"
BAD_SEQ = "nomor urut harian harus 1 sampai 999, bukan {seq}"
BAD_DAY = "tanggal kode kasus harus antara tahun 2000 dan 2099, bukan {day}"
FIELD = "kode kasus"
