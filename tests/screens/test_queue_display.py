"""The lobby display in a real headless Chromium: a call made at a desk shows within a
second, with the desk, the last calls and how many wait per group; its spoken call
is served as sound. Two desks write to one data folder, as on one office PC."""

from __future__ import annotations

import asyncio
import shutil
import subprocess
import time
from datetime import datetime
from pathlib import Path

import pytest

from counter.queue.service import QueueDesk
from counter.queue.settings import Group, QueueSettings
from screens.web.lobby_server import LobbyBoard, LobbyServer
from store.queue_store import QueueStore
from tests.screens.test_skm_browser import ARTIFACTS, CHROMIUM, FLAGS

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(),
                                reason="needs Debian's chromium (scripts/ci-browser)")
SETTINGS = QueueSettings(groups=(Group("A", "Konsultasi & pendampingan"),
                                 Group("B", "Perizinan")))


async def test_a_call_shows_on_the_lobby_page_within_a_second(tmp_path: Path) -> None:
    from playwright.async_api import async_playwright

    store_dir = tmp_path / "store"
    def now() -> datetime:
        return datetime.now().astimezone()

    kiosk = QueueDesk(QueueStore(store_dir), SETTINGS, 0, now)
    desk1 = QueueDesk(QueueStore(store_dir), SETTINGS, 1, now)
    desk2 = QueueDesk(QueueStore(store_dir), SETTINGS, 2, now)
    for g in "AABAB":
        kiosk.take(g)
    board = LobbyBoard(QueueStore(store_dir), SETTINGS, lambda: now().date(), title="Loket Dinas")
    server = LobbyServer(board, "127.0.0.1", 0).start()
    try:
        async with async_playwright() as pw:
            autoplay = "--autoplay-policy=no-user-gesture-required"
            browser = await pw.chromium.launch(executable_path=CHROMIUM,
                                               args=[*FLAGS, autoplay])
            page = await browser.new_page(viewport={"width": 1280, "height": 720})
            await page.goto(f"http://127.0.0.1:{server.port}/")
            await page.wait_for_function(
                "document.querySelector('#menunggu').textContent.includes('Perizinan')")
            assert await page.text_content("#nomor") == "—"

            delays = []
            for desk, expect in ((desk1, "A-001"), (desk2, "A-002"), (desk1, "B-001")):
                start = time.monotonic()
                called = await asyncio.to_thread(desk.call_next)
                assert called.label == expect
                await page.wait_for_function(
                    f"document.querySelector('#nomor').textContent === '{expect}'", timeout=1000)
                delays.append(time.monotonic() - start)
                assert await page.text_content("#loket") == f"Loket {desk.desk}"
            assert max(delays) < 1.0

            last = await page.locator("#terakhir li").all_text_contents()
            assert last == ["A-002Loket 2", "A-001Loket 1"]
            waiting = await page.locator("#menunggu div").all_text_contents()
            assert waiting == ["1A · Konsultasi & pendampingan", "1B · Perizinan"]
            ARTIFACTS.mkdir(exist_ok=True)
            await page.screenshot(path=str(ARTIFACTS / "layar-antrean.png"))

            call_id = await page.get_attribute("#nomor", "data-call-id")
            url = f"http://127.0.0.1:{server.port}/api/suara/{call_id}.wav"
            response = await page.request.get(url)
            assert response.status == 200
            wav = tmp_path / "panggil.wav"
            wav.write_bytes(await response.body())
            await browser.close()
    finally:
        server.stop()
    if shutil.which("sox"):
        out = subprocess.run(["sox", str(wav), "-n", "stat"], capture_output=True, text=True,
                             check=True).stderr
        length = float(next(line.split(":")[1] for line in out.splitlines()
                            if line.startswith("Length")))
        assert length > 2.0


async def test_a_visitor_takes_a_ticket_on_the_self_service_page(tmp_path: Path) -> None:
    from playwright.async_api import async_playwright

    store_dir = tmp_path / "store"

    def now() -> datetime:
        return datetime.now().astimezone()

    kiosk = QueueDesk(QueueStore(store_dir), SETTINGS, 0, now)
    kiosk.take("B")
    board = LobbyBoard(QueueStore(store_dir), SETTINGS, lambda: now().date(), take=kiosk.take)
    server = LobbyServer(board, "127.0.0.1", 0).start()
    try:
        async with async_playwright() as pw:
            browser = await pw.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
            page = await browser.new_page(viewport={"width": 720, "height": 1280})
            await page.goto(f"http://127.0.0.1:{server.port}/ambil")
            await page.click("button[data-kode='B']")
            await page.wait_for_function(
                "document.querySelector('#nomor').textContent === 'B-002'", timeout=3000)
            assert await page.text_content("#info") == \
                "Perizinan · 1 orang menunggu di depan Anda"
            ARTIFACTS.mkdir(exist_ok=True)
            await page.screenshot(path=str(ARTIFACTS / "ambil-antrean.png"))
            await browser.close()
    finally:
        server.stop()
    assert [t.label for t in kiosk.today().waiting("B")] == ["B-001", "B-002"]
