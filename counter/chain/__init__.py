"""Tamper evidence for the day files: a hash chain that survives redaction.

Every day file keeps, beside its `events`, a `chain` table: one link per event, in
the order the events were written to that file (whoever wrote them: this desk's
actions, the office sync's imports, the demo's bulk load). A link holds the event's
doc id, id and code, the hash of the link before it (`p`) and its own hash (`h`),
the hash of the link, the event's canonical JSON and the previous hash together.
The first link of a file names the newest earlier chained day (`after`) and a hash
from that day's chain, so the days are chained too; events written before the
chain existed are frozen at that moment by a digest (`base`).

Personal fields (NIK, telephone, address) enter the hash only as a salted digest;
the salt sits in the link (`s`). Redaction replaces the field by "" in the event and
the salt by the digests themselves (`d`) in the same atomic write, so the hashes
still verify and nothing left on disk leads back to the number.

A per-store ledger (`rantai.json`: each day's link count and head) catches a day
file replaced by an older copy or cut short at its end. It is written after the
day file without a flush: after a power cut it can only be behind, never ahead.

`hashing` is the canonical form, `seal` adds links to a day being written,
`verify` checks one day; `store/chain.py` is the adapter around the day files.
"""
