"""The walk-in queue in front of the counter: numbered tickets per service group,
calling, and the waiting time measured apart from the service time.

Pure domain: `events` (the facts of a day's queue, plain dicts like case events),
`rules` (the fold of a day and the plans that make new facts), `settings` (the
profile's `[antrean]`), `speech` (the call as spoken words), `review` (the day's
figures), `ticket_paper` (the printed ticket), `service` (what screens act through).
Persistence is `store.queue_store`; nothing here knows a file.
"""
