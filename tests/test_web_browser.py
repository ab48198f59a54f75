"""The workbench in a real browser: Debian's headless Chromium driven by Selenium (no browser
download: the binary and the driver are passed explicitly, so selenium-manager never runs).

Opens the overview, filters events, opens an event, follows a figure to its document and checks
that the evidence is highlighted. Screenshots go to test-artifacts/."""

from __future__ import annotations

import socket
import tempfile
import threading
import time
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not (CHROMIUM.exists() and CHROMEDRIVER.exists()),
        reason="needs Debian's chromium and chromium-driver: apt-get install -y chromium chromium-driver",
    ),
]
import uvicorn  # noqa: E402 - after the marks that say why the module may skip
from selenium import webdriver  # noqa: E402


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    from sitrep.web import create_app
    from test_web import build_store

    db = build_store(tmp_path_factory.mktemp("browser") / "web.db")
    port = _free_port()
    config = uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = str(CHROMIUM)
    profile = tempfile.mkdtemp(prefix="sitrep-chromium-")
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={profile}",
        "--window-size=1400,1000",
    ):
        opts.add_argument(flag)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=opts)
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


def _shot(driver, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    driver.save_screenshot(str(ARTIFACTS / f"web-{name}.png"))


def _csp_violations(driver) -> list[str]:
    return [
        e["message"]
        for e in driver.get_log("browser")
        if "Content Security Policy" in e["message"] or "Refused to" in e["message"]
    ]


def test_overview_filter_event_figure_to_evidence(server, browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.select import Select
    from selenium.webdriver.support.ui import WebDriverWait

    wait = WebDriverWait(browser, 15)
    browser.get(server + "/")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Overview"
    # the map's country outlines come from this server, and load
    loaded = browser.execute_script(
        "return fetch('/assets/world.svg').then(r => r.ok && r.headers.get('content-type'))"
    )
    assert loaded.startswith("image/svg+xml")
    assert len(browser.find_elements(By.CSS_SELECTOR, "svg.map circle")) == 2
    _shot(browser, "overview")

    browser.find_element(By.LINK_TEXT, "Events").click()
    wait.until(ec.presence_of_element_located((By.ID, "filters")))
    # choosing a country submits the filter form (project JavaScript)
    Select(browser.find_element(By.NAME, "country")).select_by_value("AF")
    wait.until(ec.url_contains("country=AF"))
    rows = browser.find_elements(By.CSS_SELECTOR, "table.events tbody tr")
    assert len(rows) == 2
    browser.find_element(By.NAME, "disputed").click()
    wait.until(ec.url_contains("disputed=true"))
    rows = browser.find_elements(By.CSS_SELECTOR, "table.events tbody tr")
    assert len(rows) == 1 and "suicide bombing" in rows[0].text
    _shot(browser, "events-filtered")

    rows[0].find_element(By.LINK_TEXT, "suicide bombing").click()
    wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, "table.figures")))
    assert "suicide bombing" in browser.find_element(By.TAG_NAME, "h1").text
    figures = browser.find_elements(By.CSS_SELECTOR, "table.figures tbody tr")
    assert len(figures) == 3
    _shot(browser, "event")

    row = next(r for r in figures if "hospital officials" in r.text)
    row.find_element(By.CSS_SELECTOR, "a.figure-source").click()
    target = wait.until(ec.presence_of_element_located((By.ID, "hl")))
    pieces = browser.find_elements(By.CSS_SELECTOR, "mark.hl-target")
    assert "".join(p.text for p in pieces) == "Twenty people died"
    background = target.value_of_css_property("background-color")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")  # visibly highlighted
    assert browser.execute_script(  # scrolled into view
        "const r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight;",
        target,
    )
    _shot(browser, "document-evidence")
    assert _csp_violations(browser) == []


def test_hostile_article_stays_text_and_removed_toggle(server, browser):
    from selenium.webdriver.common.by import By

    browser.get(server + "/documents/doc_a")
    text = browser.find_element(By.CSS_SELECTOR, "article.doc .text").text
    assert "<script>alert('pwned')</script>" in text and "<img src=x onerror=alert(1)>" in text
    assert browser.find_elements(By.CSS_SELECTOR, "article.doc img, article.doc script") == []
    assert browser.execute_script("return window.__pwned === undefined")
    removed = browser.find_element(By.ID, "removed")
    assert not removed.is_displayed()
    browser.find_element(By.ID, "toggle-removed").click()
    assert removed.is_displayed() and "Subscribe <script>steal()</script>" in removed.text
    # a highlight layer can be switched off
    box = browser.find_element(By.CSS_SELECTOR, "#layers input[data-layer=actor]")
    box.click()
    assert "hide-actor" in browser.find_element(By.TAG_NAME, "body").get_attribute("class")
    _shot(browser, "document-removed")
    assert _csp_violations(browser) == []


def test_api_docs_render_offline(server, browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get(server + "/docs")
    WebDriverWait(browser, 15).until(
        ec.presence_of_element_located((By.CSS_SELECTOR, ".opblock-summary-path"))
    )
    paths = {e.text for e in browser.find_elements(By.CSS_SELECTOR, ".opblock-summary-path")}
    assert "/api/events" in paths
    _shot(browser, "api-docs")
