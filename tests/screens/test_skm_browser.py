"""The survey on a second screen, driven in a real headless Chromium (Playwright
pointed at Debian's /usr/bin/chromium): all nine answered, one skipped, all skipped."""

from __future__ import annotations

import json
import shutil
import socket
from pathlib import Path

import pytest

from screens.skm_offer import VISITOR_SCREENS
from tests.screens.app_fixtures import Clock, key, make_app, make_profile
from tests.screens.test_skm_survey import close_a_case

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(),
                                reason="needs Debian's chromium (scripts/ci-browser)")
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def stored(paths) -> list[dict]:
    files = sorted((paths.store_dir / "skm").glob("*.json"))
    return [r for f in files for r in json.loads(f.read_text())["responses"]]


async def answer_in_browser(page, answers: str, saran: str = "") -> None:
    """`answers`: one character per question shown: 1-4, or '-' to skip it."""
    await page.wait_for_selector("#survei:not(.tersembunyi)", timeout=5000)
    for a in answers:
        if a == "-":
            await page.click("#lewati")
        else:
            await page.click(f"#pilihan button[data-nilai='{a}']")
    await page.wait_for_selector("#saran:not(.tersembunyi)")
    await page.fill("#teks-saran", saran)
    await page.click("#kirim")
    await page.wait_for_selector("#terimakasih:not(.tersembunyi)")


async def test_survey_on_a_second_screen(paths, tmp_path):
    from playwright.async_api import async_playwright

    port = free_port()
    profile = make_profile().with_changes(skm_layar=port)
    app = make_app(paths, Clock(), profile=profile)
    async with app.run_test(size=(100, 30)) as pilot, async_playwright() as pw:
        await pilot.pause()
        browser = await pw.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = await browser.new_page(viewport={"width": 800, "height": 1000})
        await page.goto(f"http://127.0.0.1:{port}/")
        await page.wait_for_selector("#menunggu:not(.tersembunyi)")

        # 1. all nine answered (and the four profile questions)
        await close_a_case(app, pilot)
        await key(pilot, "k")
        await answer_in_browser(page, "434344343" + "1212", "Ruang tunggu nyaman")
        ARTIFACTS.mkdir(exist_ok=True)
        await page.screenshot(path=str(ARTIFACTS / "skm-layar-terimakasih.png"))

        # 2. one skipped (U2), profile skipped
        await close_a_case(app, pilot)
        await key(pilot, "k")
        await answer_in_browser(page, "3-3333333" + "----")

        # 3. the whole survey skipped
        await close_a_case(app, pilot)
        await key(pilot, "k")
        await page.wait_for_selector("#survei:not(.tersembunyi)", timeout=5000)
        await page.click("#lewatisemua")
        await page.wait_for_selector("#terimakasih:not(.tersembunyi)")
        await browser.close()
    VISITOR_SCREENS.pop(id(app), None)

    records = stored(paths)
    assert len(records) == 2
    full = next(r for r in records if r["saran"])
    assert full["jawaban"] == {f"U{i}": int(v) for i, v in enumerate("434344343", start=1)}
    assert full["profil"]["jenis_kelamin"] == "Laki-laki"
    assert full["sumber"] == "peramban" and full["layanan"] == "pct-07-konsultasi-bisnis"
    partial = next(r for r in records if not r["saran"])
    assert partial["jawaban"]["U2"] is None and partial["jawaban"]["U1"] == 3
    assert partial["profil"] == {}
