"""F6 Antrean: the desk's side of the walk-in queue.

`n` calls the oldest ticket of the groups this desk serves (one key), `u` calls it
again, `x` records a no-show once it was called often enough, `a` sends it on to
another group or desk, `t` issues a ticket (printed on the counter's printer),
`b` (or F2) opens the case for the called visitor: the case is linked to the ticket
so waiting (ticket → call) and service (call → tutup) are measured apart.
`p` records that the visitor of the ticket in the highlighted row (waiting or
called) left without service: counted apart from no-shows in the review.
With an office server, a line says whether the queue's facts reached it.
The screen re-reads the queue twice a second, so other desks' calls show here too.
"""

from __future__ import annotations

from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from counter.errors import LoketError
from counter.queue.review import minutes
from counter.texts import queue as T
from screens.queue_service import print_ticket, queue_desk_of
from screens.widgets.header import LoketHeader
from screens.worker_guard import run_guarded


class QueueScreen(Screen[None]):
    DEFAULT_CSS = """
    QueueScreen #antrean-now { padding: 0 1; height: auto; text-style: bold; }
    QueueScreen #antrean-groups { padding: 0 1; height: auto; }
    QueueScreen #antrean-sync { padding: 0 1; height: auto; color: $text-muted; }
    QueueScreen DataTable { height: 1fr; margin: 0 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", T.KEY_BACK, id="antrean.kembali"),
        Binding("n", "call_next", T.KEY_NEXT, id="antrean.berikutnya"),
        Binding("u", "recall", T.KEY_RECALL, id="antrean.ulang"),
        Binding("x", "no_show", T.KEY_NO_SHOW, id="antrean.tidak_hadir"),
        Binding("a", "transfer", T.KEY_TRANSFER, id="antrean.alihkan"),
        Binding("t", "take", T.KEY_TAKE, id="antrean.ambil"),
        Binding("b", "open_case", T.KEY_OPEN, id="antrean.buka_kasus"),
        Binding("p", "left", T.KEY_LEFT, id="antrean.pergi"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._version: Any = object()

    def compose(self) -> ComposeResult:
        yield LoketHeader()
        with Vertical():
            yield Static("", id="antrean-now")
            yield Static("", id="antrean-groups")
            yield Static("", id="antrean-sync")
            yield DataTable(id="antrean-table", cursor_type="row", zebra_stripes=True)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for col in T.COLUMNS:
            table.add_column(col)
        self.reload(force=True)
        self.set_interval(0.5, self.reload)
        self.show_sync()
        self.set_interval(1.0, self.show_sync)

    def show_sync(self) -> None:
        """The queue's link to the office server (hidden on a standalone desk)."""
        from screens.queue_service import queue_sync_state
        from screens.widgets.sync_status import queue_status_text

        app: Any = self.app
        queue = self.queue  # made first: with a server, it starts the queue's syncing
        state = queue_sync_state(app.paths, app.profile, queue.now().date())
        line = self.query_one("#antrean-sync", Static)
        line.display = state is not None
        line.update(queue_status_text(state, app.profile.tz, full=True))

    @property
    def queue(self) -> Any:
        return queue_desk_of(self.app)

    def reload(self, force: bool = False) -> None:
        """Show today's queue again when its file changed (any desk's action)."""
        q = self.queue
        day_key = q.repo.version(q.now().date())
        if not force and day_key == self._version:
            return
        self._version = day_key
        try:
            day = q.today()
        except LoketError as err:
            self.query_one("#antrean-now", Static).update(str(err))
            return
        names = {g.kode: g.nama for g in q.settings.groups}
        current = day.current(q.desk)
        now = self.query_one("#antrean-now", Static)
        if current is None:
            now.update(T.SCREEN_NOW_NONE.format(desk=q.desk))
        else:
            now.update(T.SCREEN_NOW.format(desk=q.desk, label=current.label,
                                           group=names.get(current.group, current.group),
                                           calls=current.calls_since_transfer))
        waiting = "  ·  ".join(f"{g.kode} {g.nama}: {len(day.waiting(g.kode))}"
                               for g in q.settings.groups)
        served = ", ".join(q.settings.served)
        self.query_one("#antrean-groups", Static).update(
            f"{T.SCREEN_WAITING}: {waiting}\n" + T.SCREEN_GROUPS.format(groups=served))
        table = self.query_one(DataTable)
        keep = self._highlighted()
        table.clear()
        for t in sorted(day.tickets.values(), key=lambda t: (t.taken_at, t.label)):
            table.add_row(t.label, names.get(t.group, t.group), t.taken_at.strftime("%H.%M"),
                          T.STATUS[t.status] + (f" · {t.code}" if t.code else ""),
                          str(t.desk or ""), minutes(t.wait_seconds), key=t.label)
        if keep is not None and keep in day.tickets:  # the officer's row stays chosen
            table.move_cursor(row=table.get_row_index(keep), animate=False)

    def _highlighted(self) -> str | None:
        """The label of the highlighted row (None: an empty table)."""
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        row_key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
        return str(row_key.value) if row_key.value is not None else None

    def _do(self, action: Any, message: Any) -> Any:
        try:
            result = action()
        except LoketError as err:
            self.app.notify(err.user_text, severity="warning")
            return None
        self.app.notify(message(result))
        self.reload(force=True)
        return result

    def action_call_next(self) -> None:
        self._do(self.queue.call_next,
                 lambda t: T.CALLED.format(label=t.label, desk=self.queue.desk))

    def action_recall(self) -> None:
        self._do(self.queue.recall, lambda t: T.CALLED.format(label=t.label, desk=self.queue.desk))

    def action_no_show(self) -> None:
        self._do(self.queue.no_show, lambda t: T.NO_SHOW_DONE.format(label=t.label))

    def action_transfer(self) -> None:
        from screens.modals import TextModal

        current = self.queue.today().current(self.queue.desk)
        if current is None:
            self.app.notify(T.NOTHING_CALLED, severity="warning")
            return

        def answered(text: str | None) -> None:
            text = (text or "").strip().upper()
            if not text:
                return
            if text.isdigit():
                self._do(lambda: self.queue.transfer(to_desk=int(text)),
                         lambda t: T.TRANSFERRED.format(label=t.label,
                                                        target=T.TO_DESK.format(desk=text)))
            elif text.isalpha() and len(text) == 1:
                self._do(lambda: self.queue.transfer(group=text),
                         lambda t: T.TRANSFERRED.format(label=t.label,
                                                        target=T.TO_GROUP.format(kode=text)))
            else:
                self.app.notify(T.BAD_TRANSFER, severity="warning")

        self.app.push_screen(TextModal(T.KEY_TRANSFER, T.PICK_TRANSFER.format(
            label=current.label), required=True), answered)

    def action_take(self) -> None:
        from screens.modals import TextModal

        groups = self.queue.settings.groups
        if len(groups) == 1:
            self._take(groups[0].kode)
            return
        label = T.PICK_GROUP + ": " + ", ".join(f"{g.kode} {g.nama}" for g in groups)
        self.app.push_screen(TextModal(T.KEY_TAKE, label, required=True),
                             lambda text: self._take(text) if text else None)

    def _take(self, group: str) -> None:
        taken = self._do(lambda: self.queue.take(group, desk=self.queue.desk),
                         lambda t: T.TAKEN.format(label=t.label, group=t.group_name,
                                                  ahead=t.ahead))
        if taken is None:
            return
        app: Any = self.app
        paths, profile = app.paths, app.profile

        def work() -> None:
            issued = print_ticket(paths, profile, taken)
            if profile.printer and not issued.printed:
                app.call_from_thread(app.notify, issued.error, severity="warning")

        run_guarded(app, work, T.KEY_TAKE, thread=True, group="antrean-tiket",
                    name="antrean-tiket")

    def action_left(self) -> None:
        label = self._highlighted()
        if label is None:
            self.app.notify(T.LEFT_PICK, severity="warning")
            return
        self._do(lambda: self.queue.left(label), lambda t: T.LEFT_DONE.format(label=t.label))

    def action_open_case(self) -> None:
        self.app.action_new_case()  # type: ignore[attr-defined]

    def action_back(self) -> None:
        self.app.pop_screen()
