"""Texts about writing files for the user (reports, documents, the profile)."""

WRITE_FAILED = "berkas tidak dapat ditulis: {reason}; {kept}"
KEPT_OLD = "berkas lama tetap utuh"
KEPT_NONE = "tidak ada berkas yang tertinggal"
NO_FOLDER = (
    "berkas tidak dapat ditulis: folder {folder} tidak ada; buat foldernya dulu atau pilih "
    "folder lain"
)
IS_A_FOLDER = "yang disebut adalah folder, bukan berkas"
NOT_A_FOLDER = "berkas tidak dapat ditulis: {folder} bukan folder"

# Why the operating system refused, by errno name; anything else shows its own words.
REASONS = {
    "ENOSPC": "disk penuh",
    "EDQUOT": "kuota disk habis",
    "ENAMETOOLONG": "nama berkas terlalu panjang",
    "EIO": "kesalahan baca/tulis pada disk (periksa disk atau flashdisk-nya)",
    "EACCES": "tidak ada izin menulis di folder itu",
    "EPERM": "tidak ada izin menulis di folder itu",
    "EROFS": "disk hanya dapat dibaca",
    "ENOENT": "folder tujuan tidak ada",
    "ENOTDIR": "salah satu bagian jalurnya bukan folder",
    "EISDIR": "yang disebut adalah folder, bukan berkas",
    "EFBIG": "berkas terlalu besar untuk disk ini",
    "EMFILE": "terlalu banyak berkas terbuka",
}
UNKNOWN_REASON = "kesalahan sistem ({detail})"
