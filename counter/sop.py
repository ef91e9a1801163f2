"""The SOP model and the loading and checking of SOP files (TOML).

An SOP file is written and read by office admins with a text editor, so every
problem is reported in Indonesian with the file, the line and the field, and a
broken office file never stops the bundled catalog from loading.

Cut along its seams (every public name stays importable from here):
`sop_model` (the dataclasses), `sop_fields` (field readers, limits, SopErrors),
`sop_checks` (branches, numbering, targets), `sop_read` (parse_sop, load_sop),
`sop_catalog` (Catalog, load_catalog, counter_standard).
"""

from counter.sop_catalog import (
    Catalog,
    _sort_key,
    bundled_sop_texts,
    counter_standard,
    format_totals,
    load_catalog,
)
from counter.sop_fields import (
    MAX_FILE_BYTES,
    MAX_RETURNS,
    MAX_ROLES,
    MAX_STEP_NO,
    MAX_STEPS,
    SopErrors,
    _is_int,
    problems,
)
from counter.sop_model import (
    _ID,
    BERLAKU,
    DEFAULT_BIAYA,
    DRAF,
    Kembali,
    Lanjut,
    MutuBaku,
    Pelaksana,
    Sop,
    Source,
    Step,
)
from counter.sop_read import _Reader, load_sop, parse_sop

__all__ = [
    "BERLAKU", "DEFAULT_BIAYA", "DRAF", "MAX_FILE_BYTES", "MAX_RETURNS", "MAX_ROLES",
    "MAX_STEPS", "MAX_STEP_NO", "_ID", "Catalog", "Kembali", "Lanjut", "MutuBaku", "Pelaksana",
    "Sop", "SopErrors", "Source", "Step", "_Reader", "_is_int", "_sort_key",
    "bundled_sop_texts", "counter_standard", "format_totals", "load_catalog", "load_sop",
    "parse_sop", "problems",
]
