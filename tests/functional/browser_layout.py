"""Measure a report page in headless Chromium: what sticks out of its box.

No browser driver is needed: the page gets a small script before `</body>` that measures
every element and every SVG text after layout and writes its findings into the DOM, and
`chromium --dump-dom` hands that DOM back. Used by test_report_browser.py; run directly to
check a file by hand: `python tests/functional/browser_layout.py report.html 390`."""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")

# Every finding is one sentence naming the element and its text, so a failure says what to fix.
MEASURE = r"""
<script>
(function () {
  const problems = [];
  const short = (el) => {
    const named = typeof el.className === "string" && el.className;
    const cls = named ? "." + el.className.trim().split(/\s+/).join(".") : "";
    const text = (el.textContent || "").trim().replace(/\s+/g, " ").slice(0, 70);
    return el.tagName.toLowerCase() + cls + " «" + text + "»";
  };
  const scrollsItself = (el) => {
    const o = getComputedStyle(el).overflowX;
    return o === "auto" || o === "scroll";
  };
  const insideScroller = (el) => {
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      if (scrollsItself(p)) return true;
    }
    return false;
  };
  const page = document.documentElement.scrollWidth;
  if (page > window.innerWidth) {
    problems.push("the page is " + page + " px wide in a " + window.innerWidth + " px window");
  }
  const main = document.querySelector("main").getBoundingClientRect();
  for (const el of document.body.querySelectorAll("*")) {
    if (el.closest("svg") && el.tagName.toLowerCase() !== "svg") continue;
    const cs = getComputedStyle(el);
    if (cs.display === "none" || el.getClientRects().length === 0) continue;
    if (insideScroller(el)) continue;
    if (cs.display !== "inline" && el.clientWidth > 0 && !scrollsItself(el)
        && el.scrollWidth > el.clientWidth + 1) {
      const by = el.scrollWidth - el.clientWidth;
      problems.push("overflows its box by " + by + " px: " + short(el));
    }
    const r = el.getBoundingClientRect();
    if (el.closest("main") && r.width > 0 && (r.right > main.right + 1 || r.left < main.left - 1)) {
      problems.push("sticks out of the page column: " + short(el));
    }
  }
  let texts = 0;
  for (const svg of document.querySelectorAll("svg")) {
    if (svg.getClientRects().length === 0) continue;
    const vb = svg.viewBox.baseVal;
    const boxes = [];
    for (const t of svg.querySelectorAll("text")) {
      const b = t.getBBox();
      texts += 1;
      if (b.x < vb.x - 0.5 || b.y < vb.y - 0.5 || b.x + b.width > vb.x + vb.width + 0.5
          || b.y + b.height > vb.y + vb.height + 0.5) {
        const nums = (xs) => xs.map((v) => Math.round(v)).join(" ");
        problems.push("chart text is cut at the edge of its chart: " + short(t) + " (box "
          + nums([b.x, b.y, b.width, b.height])
          + ", viewBox " + nums([vb.x, vb.y, vb.width, vb.height])
          + ") in " + svg.getAttribute("aria-label"));
      }
      for (const o of boxes) {
        if (b.x < o.b.x + o.b.width - 1 && o.b.x < b.x + b.width - 1
            && b.y < o.b.y + o.b.height - 1 && o.b.y < b.y + b.height - 1) {
          problems.push("chart texts overlap: " + short(t) + " and " + short(o.t));
        }
      }
      boxes.push({ b: b, t: t });
    }
  }
  const host = window.parent.document;  // the page runs in a frame as wide as the phone
  const out = host.createElement("pre");
  out.id = "layout-check";
  out.textContent = JSON.stringify({ width: window.innerWidth, texts: texts, problems: problems });
  host.body.appendChild(out);
})();
</script>
"""


@dataclass(frozen=True)
class Layout:
    """What the browser measured: the window width, how many chart texts it looked at, and
    every text that sticks out of its box."""

    width: int
    texts: int
    problems: list[str]


def find_browser() -> str | None:
    """The Chromium (or Chrome) on PATH, if any."""
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    return None


def headless(browser: str, profile: str, *args: str) -> list[str]:
    """The command line of a headless Chromium with its own throw-away `profile` folder."""
    return [
        browser,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--hide-scrollbars",
        "--no-first-run",
        f"--user-data-dir={profile}",
        *args,
    ]


@contextmanager
def browser_profile() -> Iterator[str]:
    """A throw-away profile folder for one headless Chromium, removed afterwards.

    Chromium's helper processes can still be writing into it for a moment after the browser
    itself has exited: removing it at once failed a test whose browser had done everything
    asked of it ("Directory not empty: 'Default'"). Removal is tried again for a few seconds."""
    folder = tempfile.mkdtemp(prefix="readiness-chromium-")
    try:
        yield folder
    finally:
        end = time.monotonic() + 10
        while True:
            shutil.rmtree(folder, ignore_errors=True)
            if not os.path.exists(folder) or time.monotonic() > end:
                break
            time.sleep(0.1)


def run_browser(browser: str, page: Path, width: int, extra: list[str], timeout: float) -> str:
    """Chromium headless on `page` with its own throw-away profile; its stdout."""
    with browser_profile() as profile:
        done = subprocess.run(
            headless(
                browser, profile, f"--window-size={width},1800", *extra, page.resolve().as_uri()
            ),
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
    if done.returncode != 0:
        raise RuntimeError(f"{browser} failed on {page}: {done.stderr.strip()[-500:]}")
    return done.stdout


def measure(browser: str, document: str, width: int, timeout: float = 120) -> Layout:
    """Lay `document` out in a window `width` px wide and report what overflows."""
    marked = document.replace("</body>", MEASURE + "</body>", 1)
    assert marked != document, "the page has no </body>"
    # Headless Chromium keeps its window at least 500 px wide, so the page is laid out in a
    # frame of exactly `width` px; a srcdoc frame shares the host's origin, so the script can
    # write its findings into the host page that --dump-dom prints.
    host = (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>layout</title>'
        '</head><body style="margin:0"><iframe title="report" style="border:0;display:block;'
        f'width:{width}px;height:1800px" srcdoc="{html.escape(marked, quote=True)}"></iframe>'
        "</body></html>"
    )
    with tempfile.TemporaryDirectory(prefix="readiness-layout-") as tmp:
        page = Path(tmp) / "page.html"
        page.write_text(host, encoding="utf-8")
        dom = run_browser(browser, page, max(width, 500) + 40, ["--dump-dom"], timeout)
    found = re.search(r'<pre id="layout-check">(.*?)</pre>', dom, re.S)
    if found is None:
        raise RuntimeError(f"the measuring script did not run at {width} px")
    data = json.loads(html.unescape(found.group(1)))
    return Layout(int(data["width"]), int(data["texts"]), list(data["problems"]))


def pdf_pages(browser: str, document: str, timeout: float = 120) -> int:
    """How many A4 pages the page prints on (Chromium's print to PDF)."""
    with tempfile.TemporaryDirectory(prefix="readiness-print-") as tmp:
        page = Path(tmp) / "page.html"
        page.write_text(document, encoding="utf-8")
        pdf = Path(tmp) / "page.pdf"
        run_browser(
            browser, page, 1280, [f"--print-to-pdf={pdf}", "--no-pdf-header-footer"], timeout
        )
        data = pdf.read_bytes()
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", data))


if __name__ == "__main__":
    browser = find_browser()
    if browser is None:
        sys.exit("no Chromium found on PATH")
    text = Path(sys.argv[1]).read_text(encoding="utf-8")
    layout = measure(browser, text, int(sys.argv[2]) if len(sys.argv) > 2 else 1280)
    print(f"window {layout.width} px, {layout.texts} chart texts")
    print("\n".join(layout.problems) or "nothing overflows")
    print(f"{pdf_pages(browser, text)} A4 pages in print")
