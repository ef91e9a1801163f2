"""Writing an SOP back to TOML: the importer, the editor and versions all save through here.

The file written is the one an admin reads and edits (docs/sop-format.md), with the
fields in the order of the format's example, so a saved file reads like a bundled one.
"""

from __future__ import annotations

from typing import Any

import tomli_w

from counter.sop import DEFAULT_BIAYA, Sop

_TOP_ORDER = (
    "id", "nomor", "nama", "nama_singkat", "status", "versi", "tanggal_versi", "layanan_loket",
    "instansi",
    "unit", "tanggal_pembuatan", "tanggal_revisi", "tanggal_efektif", "disahkan_oleh",
    "dasar_hukum", "kualifikasi_pelaksana", "keterkaitan", "peralatan", "peringatan",
    "pencatatan", "persyaratan", "biaya", "produk_layanan", "jangka_waktu", "pengaduan",
    "langkah_hilang", "nomor_dilewati", "catatan",
)


def sop_to_data(sop: Sop) -> dict[str, Any]:
    """Everything an SOP file holds, as the plain TOML structure."""
    data: dict[str, Any] = {
        "id": sop.id, "nomor": sop.nomor, "nama": sop.nama,
        **({"nama_singkat": sop.nama_singkat} if sop.nama_singkat else {}),
        "status": sop.status,
        "versi": sop.versi, "tanggal_versi": sop.tanggal_versi,
        "layanan_loket": sop.layanan_loket, "instansi": sop.instansi, "unit": sop.unit,
        "tanggal_pembuatan": sop.tanggal_pembuatan, "tanggal_revisi": sop.tanggal_revisi,
        "tanggal_efektif": sop.tanggal_efektif, "disahkan_oleh": sop.disahkan_oleh,
        "dasar_hukum": list(sop.dasar_hukum),
        "kualifikasi_pelaksana": list(sop.kualifikasi_pelaksana),
        "keterkaitan": list(sop.keterkaitan), "peralatan": list(sop.peralatan),
        "peringatan": sop.peringatan, "pencatatan": sop.pencatatan,
        "persyaratan": list(sop.persyaratan), "biaya": sop.biaya or DEFAULT_BIAYA,
        "produk_layanan": sop.produk_layanan, "jangka_waktu": sop.jangka_waktu,
        "pengaduan": sop.pengaduan, "langkah_hilang": list(sop.langkah_hilang),
        **({"nomor_dilewati": list(sop.nomor_dilewati)} if sop.nomor_dilewati else {}),
        "catatan": list(sop.catatan),
        "sumber": {"dokumen": sop.source.dokumen, "lokasi": sop.source.lokasi,
                   **({"catatan": sop.source.catatan} if sop.source.catatan else {})},
        "pelaksana": [
            {"id": p.id, "nama": p.nama, **({"loket": True} if p.loket else {}),
             **({"pemohon": True} if p.pemohon else {})}
            for p in sop.pelaksana
        ],
        "langkah": [],
    }
    for st in sop.steps:
        step: dict[str, Any] = {
            "no": st.no, "kegiatan": st.kegiatan, "pelaksana": list(st.pelaksana),
        }
        if st.pelaksana_disimpulkan:
            step["pelaksana_disimpulkan"] = True
        if st.pemohon_sendiri:
            step["pemohon_sendiri"] = True
        step.update({
            "kelengkapan": list(st.mutu_baku.kelengkapan), "waktu": st.mutu_baku.waktu.raw,
            "output": st.mutu_baku.output, "keterangan": st.keterangan,
        })
        if st.kembali:
            step["kembali"] = [
                {"syarat": k.syarat,
                 **({"ke_langkah": k.ke_langkah} if k.ke_langkah is not None else {}),
                 **({"ke_pelaksana": k.ke_pelaksana} if k.ke_pelaksana else {})}
                for k in st.kembali
            ]
        if st.lanjut:
            step["lanjut"] = [{"syarat": j.syarat, "ke_langkah": j.ke_langkah}
                              for j in st.lanjut]
        data["langkah"].append(step)
    return data


def _value(v: Any) -> str:
    """One TOML value; lists of texts on one line when short, one item a line when long."""
    if isinstance(v, list):
        items = [_value(x) for x in v]
        one_line = "[" + ", ".join(items) + "]"
        if len(one_line) <= 80 and "\n" not in one_line:
            return one_line
        return "[\n" + "".join(f"    {x},\n" for x in items) + "]"
    return tomli_w.dumps({"v": v}).split("=", 1)[1].strip()


def _pairs(table: dict[str, Any], skip: tuple[str, ...] = ()) -> str:
    return "".join(f"{k} = {_value(v)}\n" for k, v in table.items()
                   if k not in skip and not isinstance(v, dict)
                   and not (isinstance(v, list) and v and isinstance(v[0], dict)))


def dump_sop(data: dict[str, Any], header: str = "") -> str:
    """TOML text of an SOP's data, laid out like the bundled files: the top fields in
    the format's order, then [sumber], [[pelaksana]] and [[langkah]] blocks.

    `header` lines become comments at the top (where the file came from)."""
    top: dict[str, Any] = {k: data[k] for k in _TOP_ORDER if k in data}
    top.update({k: v for k, v in data.items() if k not in top})
    out = ["".join(f"# {line}\n" for line in header.splitlines() if line.strip())]
    if out[0]:
        out.append("\n")
    out.append(_pairs(top, skip=("sumber", "pelaksana", "langkah")))
    if "sumber" in data:
        out.append("\n[sumber]\n" + _pairs(data["sumber"]))
    for role in data.get("pelaksana", []):
        out.append("\n[[pelaksana]]\n" + _pairs(role))
    for step in data.get("langkah", []):
        out.append("\n[[langkah]]\n" + _pairs(step, skip=("kembali", "lanjut")))
        for key in ("kembali", "lanjut"):
            for branch in step.get(key, []):
                out.append(f"\n[[langkah.{key}]]\n" + _pairs(branch))
    return "".join(out)
