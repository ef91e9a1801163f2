"""Tell a barcode scanner from a person typing, before any key reaches a binding.

A USB scanner is a keyboard that types the whole code and Enter within a few
milliseconds. The app holds back printable keys that arrive in such a burst;
if the burst ends in Enter it is a scan (and none of its keys ever reached an
input or a binding), otherwise the held keys are replayed in order, a few
milliseconds late, so typing by hand behaves as usual.

Pure logic: the caller passes the monotonic time and replays the keys.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# Keys of one burst follow each other within this many seconds. Scanners send a
# character every 1–20 ms (and a terminal delivers a burst in one read); people
# rarely type two keys within 40 ms, and never a dozen in a row.
BURST_GAP = 0.04
# A burst shorter than this is never a scan (our codes have 12 digits).
MIN_SCAN = 8


@dataclass
class Decision:
    """What to do with a key: `hold` it, or `replay` the held keys, then maybe `scan`.

    With a `scan`, `burst` holds its key events: when the text is no Loket code
    (a fast typist, a laggy remote terminal) the app hands them to the field."""

    hold: bool = False
    replay: list[Any] = field(default_factory=list)
    scan: str | None = None
    burst: list[Any] = field(default_factory=list)


@dataclass
class ScanBuffer:
    gap: float = BURST_GAP
    min_scan: int = MIN_SCAN
    held: list[tuple[Any, str]] = field(default_factory=list)
    last: float = 0.0

    def feed(self, event: Any, key: str, char: str | None, now: float,
             in_input: bool = False) -> Decision:
        """Decide about one key event (`in_input`: the focus is a text field).

        A burst ending in Enter is a scan when it is long enough to be one (no
        person types eight keys 40 ms apart; pastes arrive as one Paste event,
        not keys), or, outside text fields, when it has two keys or more: a
        short barcode that must not press the Enter of the list underneath.
        """
        printable = char is not None and len(char) == 1 and char.isprintable()
        fresh = bool(self.held) and now - self.last <= self.gap
        if key == "enter" and fresh:
            text = "".join(c for _, c in self.held)
            if len(text) >= self.min_scan or (len(self.held) >= 2 and not in_input):
                return Decision(scan=text.strip(), burst=self._drain())
            return Decision(replay=self._drain())
        # a space starts nothing (it ticks checklists) but is part of a burst
        if printable and (key != "space" or fresh):
            replay = [] if fresh or not self.held else self._drain()
            self.held.append((event, char or ""))
            self.last = now
            return Decision(hold=True, replay=replay)
        return Decision(replay=self._drain())

    def expired(self, now: float) -> bool:
        return bool(self.held) and now - self.last > self.gap

    def drain(self) -> list[Any]:
        return self._drain()

    def _drain(self) -> list[Any]:
        events = [e for e, _ in self.held]
        self.held.clear()
        return events
