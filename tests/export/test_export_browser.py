"""The HTML report in a real headless Chromium (Debian's ``chromium``, driven by Playwright).

Skipped, with the reason printed, only when no ``chromium`` is installed; CI installs it.
"""

from __future__ import annotations

import shutil

import pytest

from jsr_nlp.exporters import export_edition

CHROMIUM = shutil.which("chromium")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="Debian's chromium is not installed (apt-get install chromium)"
)
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
LAYERS = ("correction", "suggestion", "entity", "date")
COUNT_JS = """layer => new Set(Array.from(document.querySelectorAll(`[data-layer="${layer}"]`),
    e => e.dataset.id)).size"""
STYLE_JS = """e => { const s = getComputedStyle(e);
    return [s.backgroundColor, s.boxShadow, s.borderBottomStyle].join('|'); }"""


@pytest.fixture(scope="module")
def browser():
    from playwright import sync_api  # a dev dependency: missing is a broken install, not a skip

    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


def open_report(browser, edition, tmp_path, **context):
    (path,) = export_edition(edition, tmp_path, "informe", ["html"])
    page = browser.new_page(**context)
    problems: list[str] = []
    page.on(
        "console",
        lambda m: (
            problems.append(f"{m.type}: {m.text}") if m.type in {"error", "warning"} else None
        ),
    )
    page.on("pageerror", lambda e: problems.append(f"pageerror: {e}"))
    page.on(
        "request",
        lambda r: (
            problems.append(f"request: {r.url}")
            if not r.url.startswith(("file:", "data:"))
            else None
        ),
    )
    page.goto(path.as_uri())
    return page, problems


def expected(ed):
    return {
        "correction": len(ed.applied),
        "suggestion": len(ed.suggested),
        "entity": len(ed.entities),
        "date": len(ed.dates),
    }


def check_report(page, problems, ed):
    assert problems == []
    counts = {layer: page.evaluate(COUNT_JS, layer) for layer in LAYERS}
    assert counts == expected(ed)


def test_report_in_chromium(browser, edition, tmp_path, artifacts):
    page, problems = open_report(
        browser, edition, tmp_path, viewport={"width": 1400, "height": 900}
    )
    check_report(page, problems, edition)

    # keyboard: tab until a correction has focus; its explanation becomes visible
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.dataset.layer") == "correction":
            break
    active = page.evaluate_handle("document.activeElement")
    tip_id = active.get_attribute("aria-describedby")
    assert page.locator(f"#{tip_id}").is_visible()
    assert "Applied fix" in page.locator(f"#{tip_id}").inner_text()
    page.screenshot(path=str(artifacts / "report-synthetic.png"), full_page=True)
    page.keyboard.press("Escape")
    assert not page.locator(f"#{tip_id}").is_visible()

    # each layer toggles: its marks lose their styling and stop taking focus
    for layer in LAYERS:
        mark = page.locator(f'[data-layer="{layer}"][aria-describedby]').first
        before = mark.evaluate(STYLE_JS)
        page.uncheck(f"#toggle-{layer}")
        assert mark.evaluate(STYLE_JS) != before
        assert mark.get_attribute("tabindex") == "-1"
        mark.focus()
        assert not page.locator(f"#{mark.get_attribute('aria-describedby')}").is_visible()
        page.check(f"#toggle-{layer}")
        assert mark.evaluate(STYLE_JS) == before
        assert mark.get_attribute("tabindex") == "0"

    english = page.locator(".col-en").first
    assert english.is_visible()
    page.uncheck("#toggle-translation")
    assert not english.is_visible()
    page.check("#toggle-translation")
    assert english.is_visible()
    page.close()


def test_report_on_a_phone(browser, edition, tmp_path, artifacts):
    page, problems = open_report(browser, edition, tmp_path, viewport={"width": 390, "height": 844})
    check_report(page, problems, edition)
    # one column, nothing wider than the screen
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.screenshot(path=str(artifacts / "report-phone.png"), full_page=True)
    page.close()


def test_sample_report_in_chromium(browser, real_edition, tmp_path, artifacts):
    page, problems = open_report(
        browser, real_edition, tmp_path, viewport={"width": 1400, "height": 900}
    )
    check_report(page, problems, real_edition)
    page.screenshot(path=str(artifacts / "report-sample.png"), full_page=True)
    page.close()
