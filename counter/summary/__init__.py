"""Per-case summaries: a closed case's report rows, kept beside its events.

A closed case never changes its figures, yet a month's report used to fold and
measure every case of the month from its events, every time. A summary is the
case's rows (`counter.report_rows`: its line in the case table and one line per
step run) as of its last event, stamped with what it was computed with: the
fold's own version (and the wording of its labels), the SOP version of the case
and the office calendar (hours, holidays, closed days, the nearing threshold).
It is used only while all of that is unchanged and the case's last event is the
one it was made from; otherwise the case is folded again and a new summary kept.
So a corrected holiday or an edited SOP re-measures history, and status stays
derivable from the events: a summary is a cache, never a fact.

Parts: `stamp` (the versions), `record` (a summary to and from JSON), `reader`
(a day's rows from summaries and live folds, the summaries refreshed on the way).
Only closed cases are summarised: an open case's timing runs with the clock, so it
is folded live (its events are kept beside the summaries, so a day's open cases
are read without parsing the whole day file).
"""

from counter.summary.port import DayShelf, SummaryShelf
from counter.summary.reader import DayRows, rows_on, rows_through
from counter.summary.record import CaseSummary, summarize
from counter.summary.stamp import FORMAT_VERSION, Stamper

__all__ = ["FORMAT_VERSION", "CaseSummary", "DayRows", "DayShelf", "Stamper", "SummaryShelf",
           "rows_on", "rows_through", "summarize"]
