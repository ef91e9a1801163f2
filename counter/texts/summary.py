"""Texts of the per-case summaries and their rebuild (`loket bangun-ulang`)."""

HELP_REBUILD = ("Bangun ulang ringkasan per kasus dan halaman laporan per hari dari event "
                "(laporan, log harian) dan katakan berapa lama")
REBUILT = ("Ringkasan dan halaman laporan dibangun ulang dari event: {days} hari, {cases} kasus "
           "({closed} ringkasan kasus selesai, {open} kasus terbuka), dalam {seconds} detik.")
REBUILD_UNREADABLE = ("Tidak terbaca, dilewati (ringkasannya dibuat lagi setelah dipulihkan): "
                      "{path}: {message}")
REBUILD_READ_ONLY = ("Salinan hanya-baca: ringkasan tidak disimpan; diperiksa saja "
                     "({cases} kasus dalam {seconds} detik).")
