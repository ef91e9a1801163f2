"""Texts about reading TOML files (SOP files, the office profile)."""

SYNTAX = "sintaks TOML salah: {what} (baris {line}, kolom {column})"
SYNTAX_AT_END = "sintaks TOML salah: {what} (di akhir berkas)"
SYNTAX_OTHER = "sintaks TOML salah: {detail}"
TOO_DEEP = "sintaks TOML salah: daftar atau tabel bersarang terlalu dalam"

# tomllib's English messages (as regular expressions) and what they mean, in Indonesian.
MESSAGES = (
    (r"Invalid value", "nilai tidak sah (teks harus diapit tanda kutip \"...\")"),
    (r"Expected '=' after a key in a key/value pair", "sesudah nama kolom harus ada '='"),
    (r"Expected newline or end of document after a statement",
     "sesudah satu isian harus ganti baris"),
    (r"Expected '\]' at the end of a table declaration", "judul tabel harus ditutup dengan ']'"),
    (r"Expected '\]\]' at the end of an array declaration",
     "judul daftar tabel harus ditutup dengan ']]'"),
    (r"Invalid initial character for a key part", "nama kolom diawali karakter yang tidak sah"),
    (r"Invalid statement", "baris ini bukan isian TOML yang sah"),
    (r"Unclosed array", "daftar [ ... ] tidak ditutup"),
    (r"Unclosed inline table", "tabel {{ ... }} tidak ditutup"),
    (r"Unterminated string", "teks tidak ditutup dengan tanda kutip"),
    (r"Cannot overwrite a value", "kolom yang sama diisi dua kali"),
    (r"Cannot declare (.+) twice", "tabel {0} dinyatakan dua kali"),
    (r"Cannot mutate immutable namespace (.+)", "{0} sudah lengkap dan tidak dapat ditambah"),
    (r"Cannot redefine namespace (.+)", "{0} sudah dinyatakan sebelumnya"),
    (r"Duplicate inline table key (.+)", "kolom {0} dipakai dua kali di tabel {{ ... }}"),
    (r"Invalid date or datetime", "tanggal atau waktu tidak sah"),
    (r"Invalid hex value", "kode heksadesimal tidak sah"),
    (r"Escaped character is not a Unicode scalar value", "kode karakter tidak sah"),
    (r"Unescaped '\\\\' in a string", "garis miring terbalik '\\' di teks harus ditulis '\\\\'"),
    (r"Found invalid character (.+)", "karakter {0} tidak boleh ada di sini"),
    (r"Illegal character (.+)", "karakter {0} tidak boleh ada di teks"),
    (r"Expected (.+)", "di sini seharusnya ada {0}"),
)
