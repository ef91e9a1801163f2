"""The many ways real SOP tables write a mutu baku time, rewritten to the plain forms
`counter.waktu` reads ("15 menit", "2-4 hari", "maksimal 1 hari", "").

Offices type waktu cells by hand: "½ hari", "1x24 jam", "3 (tiga) hari kerja",
"± 15 mnt", "15'", "sesuai jadwal", "1 hari 4 jam". Rather than grow one regular
expression, each form is rewritten here step by step into the canonical grammar,
so the parser stays small and every rule is listed in one place (and in
docs/sop-format.md). The raw text is never changed: officers see what the office wrote.
"""

from __future__ import annotations

import re
from collections.abc import Callable

# Words meaning "no fixed time" (unspecified, by schedule, as needed): no limit.
_UNSPECIFIED = re.compile(
    r"^(?:sesuai|menyesuaikan|tergantung|bergantung|mengikuti)\b.*$"
    r"|^(?:tentatif|situasional|kondisional|insidental|fleksibel|bervariasi|variatif)\.?$"
    r"|^(?:tidak|tdk) (?:ditentukan|tentu|terbatas)\.?$"
)
_ONES = {
    "setengah": "0.5", "seperempat": "0.25", "satu": "1", "dua": "2", "tiga": "3",
    "empat": "4", "lima": "5", "enam": "6", "tujuh": "7", "delapan": "8", "sembilan": "9",
    "sepuluh": "10", "sebelas": "11", "dua belas": "12", "lima belas": "15", "dua puluh": "20",
    "tiga puluh": "30", "empat puluh lima": "45", "enam puluh": "60",
}
_SE_UNIT = re.compile(r"\bse(menit|jam|hari|minggu|pekan|bulan)\b")  # "sehari" = "1 hari"
_GLYPH_FRACTIONS = {"½": ".5", "¼": ".25", "¾": ".75", "⅓": ".333", "⅔": ".667"}
_UNIT_ALIASES = [  # (pattern, canonical); applied after numbers are plain
    (r"menit'?|mnt\.?|min\.?|'", "menit"),
    (r"jam|jm\.?|j\.", "jam"),
    (r"hk\.?|hari\s+kerja|hr\s+kerja", "hari kerja"),
    (r"hari|hr\.?|h\.", "hari"),
    (r"minggu|mgg\.?|pekan|mg\.?", "minggu"),
    (r"bulan|bln\.?|bl\.", "bulan"),
    (r"detik|dtk\.?", "detik"),
    (r"tahun|thn\.?", "tahun"),
]
_NUM = r"\d+(?:[.,]\d+)?"
_MINUTES = {"menit": 1.0, "jam": 60.0}
# Mixed units: a working day counts as 8 working hours (hari + jam); a week 7 and a
# month 30 calendar days (minggu/bulan + hari). Documented in docs/sop-format.md.
HOURS_PER_WORKDAY = 8.0
_CAL_DAYS = {"hari": 1.0, "minggu": 7.0, "bulan": 30.0}


def _whole_plus(decimals: str) -> Callable[[re.Match[str]], str]:
    """Replaces "<whole><glyph>" by "<whole or 0><decimals>" (½ → .5)."""
    return lambda m: f"{m.group(1) or '0'}{decimals}"


def _plain_numbers(text: str) -> str:
    """Spelled numbers, glyph and slash fractions, '1x24' products → plain decimals."""
    text = re.sub(r"\(\s*[a-z ]+\s*\)", " ", text)  # "3 (tiga) hari": the words repeat
    text = _SE_UNIT.sub(r"1 \1", text)
    for word in sorted(_ONES, key=len, reverse=True):
        text = re.sub(rf"\b{word}\b", _ONES[word], text)
    for glyph, dec in _GLYPH_FRACTIONS.items():
        text = re.sub(rf"(\d*)\s*{glyph}", _whole_plus(dec), text)
    text = re.sub(r"(\d+)\s+(\d+)\s*/\s*(\d+)",
                  lambda m: _fmt(int(m.group(1)) + int(m.group(2)) / int(m.group(3)))
                  if int(m.group(3)) else m.group(0), text)
    text = re.sub(r"(\d+)\s*/\s*(\d+)(?=\s*[a-z'])",
                  lambda m: _fmt(int(m.group(1)) / int(m.group(2)))
                  if int(m.group(2)) else m.group(0), text)
    text = re.sub(rf"({_NUM})\s*[x×]\s*({_NUM})",
                  lambda m: _fmt(_num(m.group(1)) * _num(m.group(2))), text)
    return text


def _num(text: str) -> float:
    return float(text.replace(",", "."))


def _fmt(value: float) -> str:
    return f"{round(value, 4):g}"


def _units(text: str) -> str:
    for pattern, canonical in _UNIT_ALIASES:
        text = re.sub(rf"(?<=[\d\s])(?:{pattern})(?=$|[\s\d,;)/-])", f" {canonical}", text)
    return re.sub(r"\s+", " ", text).strip()


def _qualifiers(text: str) -> str:
    """'± 15 menit' is 15 menit; '< 1 hari', 'tidak lebih dari 1 hari' are maxima."""
    text = re.sub(r"^(?:±|\+/-|\+-|kurang lebih|lebih kurang|kira-kira|sekitar|kurleb|"
                  r"rata-rata|estimasi)\s*", "", text)
    text = re.sub(r"^(?:≤|<=|<|tidak lebih dari|paling lambat|selambat-lambatnya|paling lama|"
                  r"maks(?:imal|imum)?\.?|max(?:imal|imum)?\.?)(?=[\s\d])\s*", "maksimal ", text)
    # "15 menit per berkas", "15 menit/pemohon", "1 hari setelah ..." : the time is the lead.
    text = re.sub(r"\s*(?:/|per\b|setiap\b|tiap\b|untuk\b|setelah\b|sejak\b|sesudah\b).*$",
                  "", text)
    return text.strip(" .;:")


def _fold_mixed(text: str) -> str:
    """'1 hari 4 jam' → '1.5 hari'; '1 minggu 2 hari' → '9 hari kalender';
    '90 detik' → '1.5 menit'. Texts that are not a plain sum are returned unchanged."""
    prefix = ""
    if text.startswith("maksimal "):
        prefix, text = "maksimal ", text[len("maksimal "):]
    terms = re.findall(rf"({_NUM}) (menit|jam|hari kerja|hari|minggu|bulan|detik|tahun)", text)
    rest = re.sub(rf"({_NUM}) (menit|jam|hari kerja|hari|minggu|bulan|detik|tahun)", "", text)
    rest = re.sub(r"\b(?:dan|lebih|kerja|kalender)\b|[+,&]", "", rest).strip()
    if not terms or rest:
        return prefix + text
    units = [u.replace("hari kerja", "hari") for _, u in terms]
    if len(terms) == 1 and units[0] == "tahun":
        return f"{prefix}{_fmt(_num(terms[0][0]) * 12)} bulan"
    if len(terms) == 1 and units[0] != "detik":
        return prefix + text
    if len(set(units)) != len(units):
        return prefix + text  # repeated units are the loader's to reject, not to add
    values = {u: _num(n) for (n, _), u in zip(terms, units, strict=True)}
    if set(units) <= {"menit", "jam", "detik"}:
        minutes = sum(v * _MINUTES.get(u, 1 / 60) for u, v in values.items())
        if "jam" in values and "menit" not in values and "detik" not in values:
            return prefix + text
        return f"{prefix}{_fmt(minutes)} menit"
    if set(units) <= {"hari", "jam", "menit"}:
        hours = values.get("jam", 0.0) + values.get("menit", 0.0) / 60
        return f"{prefix}{_fmt(values['hari'] + hours / HOURS_PER_WORKDAY)} hari"
    if set(units) <= {"hari", "minggu", "bulan"}:
        days = sum(v * _CAL_DAYS[u] for u, v in values.items())
        return f"{prefix}{_fmt(days)} hari kalender"
    return prefix + text


def normalize_waktu_forms(norm: str) -> str:
    """Rewrite a lower-cased, space-collapsed waktu text into the canonical grammar.

    Returns "" for the words meaning unspecified or by schedule; text it cannot
    improve is returned as it came, for the parser to accept or name as unreadable.
    """
    text = norm.strip().rstrip(".")
    if _UNSPECIFIED.match(text):
        return ""
    text = re.sub(r"\s*(?:–|—|\bs/d\b|\bs\.\s?d\.?|\bsd\b|\bsampai dengan\b|\bsampai\b|"
                  r"\bhingga\b)\s*", " - ", text)
    text = _plain_numbers(text)
    text = _qualifiers(text)
    text = _units(text)
    # "1 hari - 2 hari": the unit once, after the range
    text = re.sub(rf"^(maksimal )?({_NUM}) ([a-z]+(?: kerja| kalender)?) - ({_NUM}) \3$",
                  r"\1\2 - \4 \3", text)
    text = re.sub(r"\s+", " ", text).strip()
    return _fold_mixed(text)
