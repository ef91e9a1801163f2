"""The server's copy follows a purge (UU 27/2022): when a `data_redacted` event reaches
the server, the NIK, phone and address of that case are removed from the `event` jsonb
of its rows, in the same transaction as the push.

Also for rows pushed later for a case already purged (a desk that was offline and
still held a correction), since every push checks its cases. Each desk's hash chain
is its own (links live in its day files, not in the events), so the server's edit
leaves every desk's chain as it was; the desks remove the fields from their own
copies when they import the `data_redacted` event (store.chain's write hook).
"""

from __future__ import annotations

from collections.abc import Sequence

import psycopg

from counter.chain.hashing import PERSONAL_FIELDS

_BLANK = "{" + ",".join(f'"{f}":""' for f in PERSONAL_FIELDS) + "}"


def scrub_redacted(conn: psycopg.Connection, office: str, codes: Sequence[str]) -> int:
    """Blank the personal fields of the purged cases among ``codes``; rows changed."""
    if not codes:
        return 0
    redacted = [row[0] for row in conn.execute(
        "SELECT DISTINCT code FROM events WHERE office_id = %s AND code = ANY(%s) "
        "AND type = 'data_redacted'", (office, list(codes))).fetchall()]
    if not redacted:
        return 0
    opened = conn.execute(
        "UPDATE events SET event = jsonb_set(event, '{data,visitor}', "
        "coalesce(event #> '{data,visitor}', '{}'::jsonb) || %s::jsonb) "
        "WHERE office_id = %s AND code = ANY(%s) AND type = 'opened' "
        "AND (event #> '{data,visitor}') ?| %s::text[] "
        "AND coalesce(event #> '{data,visitor}', '{}'::jsonb) || %s::jsonb "
        "<> event #> '{data,visitor}'",
        (_BLANK, office, redacted, list(PERSONAL_FIELDS), _BLANK)).rowcount
    corrected = conn.execute(
        "UPDATE events SET event = jsonb_set(event, '{data,value}', '\"\"'::jsonb) "
        "WHERE office_id = %s AND code = ANY(%s) AND type = 'data_corrected' "
        "AND event #>> '{data,field}' = ANY(%s) AND event #>> '{data,value}' <> ''",
        (office, redacted, list(PERSONAL_FIELDS))).rowcount
    return max(opened, 0) + max(corrected, 0)
