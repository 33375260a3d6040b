"""Browser tests drive Debian's Chromium (never a downloaded browser) with Playwright.

On a developer machine without Chromium they are skipped with a reason; in CI
(`CI` set) a missing browser is a failure, so they can never silently vanish.
"""

import os
import shutil
from pathlib import Path

import pytest

# Playwright's sync API keeps an event loop in the main thread; the test code
# itself only touches the database synchronously, which is safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        message = f"Chromium not found at {CHROMIUM}: install Debian's chromium package (apt-get install chromium)."
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, request):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    # Console errors, uncaught exceptions and failed requests: a page that works has none.
    page.console_errors = []

    def on_console(message):
        if message.type == "error":
            page.console_errors.append(message.text)

    def on_response(response):
        if response.status >= 400:
            page.console_errors.append(f"{response.status} {response.url}")

    # Content-Security-Policy violations, reported by the page itself as they happen.
    page.csp_violations = []
    context.expose_function("reportCspViolation", lambda violation: page.csp_violations.append(violation))
    context.add_init_script(
        "document.addEventListener('securitypolicyviolation', event =>"
        " window.reportCspViolation(`${event.violatedDirective} blocked ${event.blockedURI}`));"
    )
    page.on("console", on_console)
    page.on("response", on_response)
    page.on("pageerror", lambda error: page.console_errors.append(str(error)))
    yield page
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=True)
    context.close()


@pytest.fixture
def logged_in_page(page, live_server, client, editor):
    """The browser page, logged in as an editor through a real session cookie."""
    client.force_login(editor)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    return page
