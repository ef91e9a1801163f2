"""Loket's domain core: SOPs, cases, the working-time clock, receipts and reports.

Pure Python: nothing here imports Textual or TinyDB, so the rules can be tested
and reused (CLI, screens, reports) without a terminal or a database.
"""
