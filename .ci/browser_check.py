"""Loads every page of built Bearings sites in headless Chromium and fails on what a reader would hit.

The passes, for each `.html` file of each site folder, loaded from `file://` — except a site's
`404.html`, which is loaded as a host sends it: from a loopback server over the site folder that
answers a missing page two folders deep with it, so its links from the host's root and its
stylesheet are checked where they are meant to work:

    pass name          colour scheme  viewport                                  pages
    light              light          the window, 1280 px wide                  every page
    dark               dark           the window, 1280 px wide                  every page
    light, 390 px      light          390 x 844, DevTools device-metrics        every page
    light, 1280x800    light          1280 x 800, DevTools device-metrics       the dashboard only, and
                                                                                only with --reader-checks

(The emulated 390 px screen is not a mobile one: a page taller than the screen shows a 15 px
scrollbar, which leaves it 375 px of width.)

In each of the first three passes:

- no console errors: every SEVERE entry of the browser log fails the page;
- no script from the data runs: before any page script, `alert`, `confirm` and `prompt` are replaced
  (DevTools `Page.addScriptToEvaluateOnNewDocument`) by a function that sets `window.__bearings_xss`;
  the data's payloads call them. Then every `<a>` whose target is a `javascript:` URL is clicked
  (there should be none: their presence fails too) and the flag must still be undefined;
- axe-core finds no `serious` or `critical` violation. Every violation is printed, with its rule
  id, impact, page and the selector of each element; minor and moderate ones do not fail;
- nothing runs off the right edge, at 1280 px or at 390 px: neither the page nor any element
  scrolls sideways, except the data tables folded away in `details.data-table`, a snapshot's
  metric x project table (`table.matrix`), code blocks (`pre`) and, without --reader-checks only,
  the charts (`figure.chart`). The summary tables (`table.stack`) must fit.

With --reader-checks (issue #18; SPEC.md section 4, Charts and Dashboard), also:

- `chart-fit`, every pass: no visible chart is wider than the page or scrolls sideways. A chart is
  an `svg.chart`; it is visible when its box has a non-zero width and height and it is not
  `display: none` or `visibility: hidden`, so a chart drawn twice, a wide and a narrow variant
  switched by CSS media queries, is judged by the variant showing. It fails when its box runs past
  the viewport's left or right edge, or past the inner box of an ancestor whose `overflow-x` is
  `auto`, `scroll`, `hidden` or `clip` (there it scrolls or is cut off). `figure.chart` no longer
  may scroll sideways.
- `chart-text-size`, every pass: no visible `svg.chart text` (nor `tspan`) renders under 11 CSS px.
  The rendered size is the computed `font-size` times the element's scale on screen,
  sqrt(|det|) of `getScreenCTM()`; for text with no transform of its own that is
  font-size x (the svg's rendered width / its viewBox width). A text is visible when it has
  characters, a non-zero box, and is not `visibility: hidden`.
- `chart-overlap`, every pass (so at 1280 and at 390 px): no two visible `<text>` elements of the
  same `svg.chart` overlap: their `getBoundingClientRect()` boxes may not intersect by more than
  1 px both across and down. Those boxes are the font's line cells, taller than the letters by the
  font's line gap, so each box first loses up to 0.2 em of its height (of its width for text turned
  90 degrees), half on each side: rows of one-line labels set 1 em apart or more do not count as
  overlapping, nor do two labels whose corners only touch.
- `headline-fold`, in the `light, 1280x800` pass and only on the dashboard, each site's top
  `index.html`: THE CONTRACT WITH THE PAGES. The dashboard marks its headline number(s) with the
  class `headline-figure`, on the element that holds just the big number (e.g.
  `<p class="headline-figure">61%</p>` or `<span class="headline-figure">…</span>`). The pass
  fails unless at least one `.headline-figure` element, with the page scrolled to the top at a
  1280 x 800 viewport,
    - is visible (non-zero box, not `display: none`, not `visibility: hidden`, opacity above 0),
    - has text with at least one digit,
    - has a computed font-size of at least 24 CSS px ("big"), and
    - lies within the first screen: its box's top >= 0 and bottom <= 800 px.
  Several `.headline-figure` elements are allowed (share, rank, change); one above the fold is
  enough.

Every failure names the page, the pass, the check and, for chart checks, the chart (its
`aria-labelledby` title, else its `aria-label`) and the texts at fault.

Usage: browser_check.py [--reader-checks] SITE_DIR [SITE_DIR ...]
       browser_check.py --self-test [SAMPLES_DIR]  runs the reader checks on the synthetic pages of
                        .ci/browser-check-samples/: every `CHECK-pass*.html` must pass everything,
                        every `CHECK-fail*.html` must fail CHECK and no other reader check
                        (`headline-fold-*` pages are judged as dashboards)
       browser_check.py --axe-script    prints the bundled axe-core 4.x script's path and version
The last line is `browser: N pages, F failed`; the exit status is 1 when F > 0.
"""

import importlib.util
import os
import re
import sys
from pathlib import Path

# Packages that bundle axe-core, in order of preference, and where their copy is.
AXE_PACKAGES = [
    ("axe_selenium_python", "node_modules/axe-core/axe.min.js"),
    ("selenium_axe_python", "axe-core/axe.min.js"),
]

# Runs before any script of every document: a payload that calls one of these only sets a flag.
XSS_TRAP = """
(() => {
  const caught = () => { window.__bearings_xss = true; };
  window.alert = caught;
  window.confirm = caught;
  window.prompt = caught;
})();
"""

# Every link that would run a script when followed. `protocol` is the parsed URL's, so
# " JaVaScRiPt:" with spaces or mixed case is found too.
JAVASCRIPT_LINKS = """
return Array.from(document.querySelectorAll('a[href], area[href]'))
  .filter(a => a.protocol === 'javascript:')
  .map(a => { const html = a.outerHTML.slice(0, 120); a.click(); return html; });
"""

FAILING_IMPACTS = {"serious", "critical"}
# The passes: (name, colour scheme, emulated viewport (width, height), or None for the window's 1280 px).
PASSES = [
    ("light", "light", None),
    ("dark", "dark", None),
    ("light, 390 px", "light", (390, 844)),
]
# With --reader-checks only, and on the dashboard only: is a headline number on the first screen?
FOLD_PASS = ("light, 1280x800", "light", (1280, 800))
FOLD_HEIGHT = 800
MIN_CHART_TEXT_PX = 11
MIN_HEADLINE_PX = 24
OVERLAP_TOLERANCE_PX = 1
READER_CHECKS = ["chart-fit", "chart-text-size", "chart-overlap", "headline-fold"]

# What scrolls sideways, besides the folded data tables, snapshot tables, code blocks and, unless
# arguments[0] (reader checks) is true, the charts' figures. With reader checks, a box that scrolls
# because a chart sticks out of it is left to the chart-fit check, which names the chart.
SIDEWAYS = """
const readerChecks = arguments[0];
const found = [];
const root = document.documentElement;
if (root.scrollWidth > root.clientWidth + 1) {
  found.push(`the page is ${root.scrollWidth} px wide in a ${root.clientWidth} px viewport`);
}
const shown = e => { const r = e.getBoundingClientRect(); const s = getComputedStyle(e);
  return r.width > 0 && r.height > 0 && s.display !== 'none' && s.visibility !== 'hidden'; };
for (const element of document.body.querySelectorAll('*')) {
  const style = getComputedStyle(element);
  if (!['auto', 'scroll', 'hidden'].includes(style.overflowX)) continue;
  if (element.scrollWidth <= element.clientWidth + 1) continue;
  if (element.matches('pre') || element.closest('details.data-table, thead')) continue;
  if (!readerChecks && element.matches('figure.chart')) continue;
  if (element.querySelector(':scope > table.matrix')) continue;
  if (readerChecks) {
    const box = element.getBoundingClientRect();
    const left = box.left + element.clientLeft, right = left + element.clientWidth;
    const chartOut = Array.from(element.querySelectorAll('svg.chart')).some(svg => {
      if (!shown(svg)) return false;
      const r = svg.getBoundingClientRect();
      return r.right > right + 1 || r.left < left - 1;
    });
    if (chartOut) continue;
  }
  const label = element.querySelector('caption, h2, h3');
  found.push(`${element.tagName.toLowerCase()}.${element.className} scrolls sideways ` +
    `(${element.scrollWidth} px in ${element.clientWidth} px)` +
    (label ? `: ${label.textContent.trim().slice(0, 60)}` : ''));
}
return found;
"""

# The reader checks of issue #18 on the charts: returns [[check id, message], ...].
# arguments: minimum text px, overlap tolerance px.
CHART_CHECKS = """
const [minText, tolerance] = arguments;
const found = [];
const round = x => Math.round(x * 10) / 10;
const quote = (t, n = 40) => JSON.stringify(t.length > n ? t.slice(0, n - 1) + '…' : t);
const shown = e => { const r = e.getBoundingClientRect(); const s = getComputedStyle(e);
  return r.width > 0 && r.height > 0 && s.display !== 'none' && s.visibility !== 'hidden'; };
const chartName = svg => {
  const ids = (svg.getAttribute('aria-labelledby') || '').split(/\\s+/).filter(Boolean);
  const title = ids.map(id => document.getElementById(id)).filter(Boolean)
    .map(e => e.textContent.trim()).join(' ');
  const own = svg.querySelector(':scope > title');
  const name = title || svg.getAttribute('aria-label') || (own ? own.textContent.trim() : '') || '(no name)';
  return `chart ${quote(name.replace(/\\s+/g, ' '), 70)}` + (ids.length ? ` (aria-labelledby=${ids.join(' ')})` : '');
};
const list = (items, n) => items.slice(0, n).join(', ') + (items.length > n ? `, … (${items.length - n} more)` : '');
const viewport = document.documentElement.clientWidth;
for (const svg of document.querySelectorAll('svg.chart')) {
  if (!shown(svg)) continue;
  const name = chartName(svg);
  const r = svg.getBoundingClientRect();
  // chart-fit: inside every box that would scroll or clip it, and inside the page.
  let fits = true;
  for (let a = svg.parentElement; a && a !== document.documentElement; a = a.parentElement) {
    const overflow = getComputedStyle(a).overflowX;
    if (!['auto', 'scroll', 'hidden', 'clip'].includes(overflow)) continue;
    const box = a.getBoundingClientRect();
    const left = box.left + a.clientLeft, right = left + a.clientWidth;
    if (r.right > right + 1 || r.left < left - 1) {
      const what = overflow === 'hidden' || overflow === 'clip' ? 'is cut off' : 'scrolls sideways';
      found.push(['chart-fit', `${name} ${what}: ${round(r.width)} px wide in its ` +
        `${a.tagName.toLowerCase()}${a.className ? '.' + String(a.className).trim().split(/\\s+/).join('.') : ''} ` +
        `(overflow-x: ${overflow}) of ${a.clientWidth} px, at ${round(r.left - left)} to ${round(r.right - left)} px`]);
      fits = false;
      break;
    }
  }
  if (fits && (r.left < -1 || r.right > viewport + 1)) {
    found.push(['chart-fit', `${name} is ${round(r.width)} px wide and runs off the page ` +
      `(${round(r.left)} to ${round(r.right)} px in a ${viewport} px viewport)`]);
  }
  // chart-text-size: font-size times the text's scale on screen.
  const small = new Map();
  for (const t of svg.querySelectorAll('text, text tspan')) {
    const text = t.textContent.trim();
    if (!text || !shown(t)) continue;
    const ctm = t.getScreenCTM();
    if (!ctm) continue;
    const scale = Math.sqrt(Math.abs(ctm.a * ctm.d - ctm.b * ctm.c));
    const px = parseFloat(getComputedStyle(t).fontSize) * scale;
    if (px < minText - 0.01) {
      const key = round(px);
      if (!small.has(key)) small.set(key, []);
      small.get(key).push(quote(text));
    }
  }
  if (small.size) {
    const parts = Array.from(small.entries()).sort((a, b) => a[0] - b[0])
      .map(([px, texts]) => `${texts.length} at ${px} px (${list(Array.from(new Set(texts)), 6)})`);
    const viewBox = svg.viewBox && svg.viewBox.baseVal;
    const ratio = viewBox && viewBox.width ? ` — drawn ${viewBox.width} wide, shown ${round(r.width)} px wide` : '';
    found.push(['chart-text-size', `${name}: text under ${minText} px${ratio}: ${parts.join('; ')}`]);
  }
  // chart-overlap: the boxes of two texts of this chart intersect by more than the tolerance both ways.
  // A text's box is its font's line cell, taller than the letters by the font's line gap (about
  // 0.16 em); up to 0.2 em of it is trimmed, half above and half below, across the lines of the text.
  const trimmed = t => {
    const r = t.getBoundingClientRect();
    const box = {left: r.left, right: r.right, top: r.top, bottom: r.bottom};
    const ctm = t.getScreenCTM();
    if (!ctm) return box;
    const em = parseFloat(getComputedStyle(t).fontSize) * Math.sqrt(Math.abs(ctm.a * ctm.d - ctm.b * ctm.c));
    const level = Math.abs(ctm.b) < 1e-6 && Math.abs(ctm.c) < 1e-6;
    const upright = Math.abs(ctm.a) < 1e-6 && Math.abs(ctm.d) < 1e-6;
    if (level) {
      const cut = Math.min(Math.max(r.height - em, 0), 0.2 * em) / 2;
      box.top += cut; box.bottom -= cut;
    } else if (upright) {
      const cut = Math.min(Math.max(r.width - em, 0), 0.2 * em) / 2;
      box.left += cut; box.right -= cut;
    }
    return box;
  };
  const texts = Array.from(svg.querySelectorAll('text')).filter(t => t.textContent.trim() && shown(t))
    .map(t => ({text: t.textContent.trim().replace(/\\s+/g, ' '), box: trimmed(t)}));
  const pairs = [];
  for (let i = 0; i < texts.length; i++) {
    for (let j = i + 1; j < texts.length; j++) {
      const a = texts[i].box, b = texts[j].box;
      const across = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const down = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (across > tolerance && down > tolerance) {
        pairs.push(`${quote(texts[i].text)} × ${quote(texts[j].text)} (${round(across)} × ${round(down)} px)`);
      }
    }
  }
  if (pairs.length) {
    found.push(['chart-overlap', `${name}: ${pairs.length} pair(s) of labels overlap: ${list(pairs, 8)}`]);
  }
}
return found;
"""

# The dashboard's headline at 1280 x 800, scrolled to the top: see `headline-fold` in the docstring.
HEADLINE_FOLD = """
const [foldHeight, minPx] = arguments;
window.scrollTo(0, 0);
const figures = Array.from(document.querySelectorAll('.headline-figure'));
if (!figures.length) {
  return ['no element with class headline-figure: the dashboard marks its headline number with it'];
}
const seen = [];
for (const e of figures) {
  const r = e.getBoundingClientRect();
  const s = getComputedStyle(e);
  const text = e.textContent.trim().replace(/\\s+/g, ' ').slice(0, 40);
  const px = parseFloat(s.fontSize);
  const why = [];
  if (!(r.width > 0 && r.height > 0) || s.display === 'none' || s.visibility === 'hidden' || parseFloat(s.opacity) === 0) why.push('not visible');
  if (!/[0-9]/.test(text)) why.push('no digit in its text');
  if (px < minPx) why.push(`font-size ${px} px < ${minPx} px`);
  if (r.top < 0 || r.bottom > foldHeight) why.push(`spans ${Math.round(r.top)} to ${Math.round(r.bottom)} px, not within 0 to ${foldHeight} px`);
  if (!why.length) return [];
  seen.push(`${JSON.stringify(text)}: ${why.join(', ')}`);
}
return [`no headline number above the fold (${foldHeight} px): ${seen.join('; ')}`];
"""


def bundled_axe():
    """(path, version) of the first installed package's axe-core whose major version is 4."""
    seen = []
    for package, relative in AXE_PACKAGES:
        spec = importlib.util.find_spec(package)
        if spec is None or spec.origin is None:
            continue
        path = Path(spec.origin).parent / relative
        if not path.exists():
            continue
        match = re.search(r'\.version="(\d+\.\d+\.\d+)"', path.read_text(encoding="utf-8"))
        version = match.group(1) if match else "unknown"
        seen.append(f"{package} bundles axe-core {version}")
        if version.startswith("4."):
            return path, version, package, seen
    return None, None, None, seen


def start_browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1280,1000", "--disable-extensions", "--no-first-run"]:
        options.add_argument(argument)
    binary = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    if os.path.exists(binary):
        options.binary_location = binary
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver_path = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")
    service = Service(executable_path=driver_path) if os.path.exists(driver_path) else Service()
    driver = webdriver.Chrome(options=options, service=service)
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(60)
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": XSS_TRAP})
    return driver


# Pages loaded from somewhere else than their file: a site's 404.html, which a host sends for a
# missing path at any depth, is loaded the way a host serves it (see `serve_not_found`).
URLS = {}


def uri(page):
    """The address a page is loaded from: its file:// URL, or the one `serve_not_found` gave it."""
    return URLS.get(page, page.as_uri())


def serve_not_found(site):
    """Serves `site` on a loopback port, answering every missing path with its 404.html (status
    404), as GitHub Pages, Netlify or nginx's `error_page` do, and returns the address of a
    missing page two folders deep. The server runs in a daemon thread until the check exits."""
    import functools
    import http.server
    import threading

    not_found = (site / "404.html").read_bytes()

    class Handler(http.server.SimpleHTTPRequestHandler):
        def send_error(self, code, message=None, explain=None):
            if code != 404:
                return super().send_error(code, message, explain)
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(not_found)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(not_found)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Handler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/decisions/no-such-page/here.html"


def expected_404(message, page):
    """Whether a console error is the 404 status of a served 404 page itself (or of the favicon
    the browser asks its server for): what a not-found page is, not a fault in it."""
    if page not in URLS or "status of 404" not in message:
        return False
    origin = URLS[page].split("/decisions/")[0]
    return message.startswith(URLS[page] + " ") or message.startswith(origin + "/favicon.ico ")


def load(driver, page, scheme, viewport):
    """Loads `page` in `scheme` at `viewport` ((width, height) emulated, or None for the window)."""
    driver.execute_cdp_cmd(
        "Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": scheme}]})
    if viewport:
        width, height = viewport
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})
    else:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    driver.get_log("browser")  # drains the previous page's entries: only this load's count
    driver.get(uri(page))


def check_fold(driver, page, shown_as):
    """The headline-fold problems of the dashboard `page`, in the FOLD_PASS, as (check, message)."""
    name, scheme, viewport = FOLD_PASS
    load(driver, page, scheme, viewport)
    return [("headline-fold", f"headline-fold on {shown_as}: {message}")
            for message in driver.execute_script(HEADLINE_FOLD, FOLD_HEIGHT, MIN_HEADLINE_PX)]


def check_page(driver, axe_source, page, scheme, viewport=None, reader=False, shown_as=None):
    """The problems found on one page in one colour scheme and viewport.

    Returns (problems, violations, incomplete). Each problem is (check, message): check is one of
    READER_CHECKS, `axe` or `page`; violations are printable lines."""
    problems = []
    shown_as = shown_as or str(page)
    load(driver, page, scheme, viewport)
    clicked = driver.execute_script(JAVASCRIPT_LINKS)
    for html in clicked:
        problems.append(("page", f"javascript: link in the page: {html}"))
    # Clicking may navigate; the flag is read from whatever document is showing now.
    if driver.execute_script("return window.__bearings_xss") is not None:
        problems.append(("page", "a script from the data ran (alert, confirm or prompt was called)"))
    if driver.current_url != uri(page):
        driver.get(uri(page))
    problems += [("page", p) for p in driver.execute_script(SIDEWAYS, reader)]
    if reader:
        for check, message in driver.execute_script(CHART_CHECKS, MIN_CHART_TEXT_PX, OVERLAP_TOLERANCE_PX):
            problems.append((check, f"{check} on {shown_as}: {message}"))
    for entry in driver.get_log("browser"):
        if entry.get("level") == "SEVERE" and not expected_404(entry.get("message", ""), page):
            problems.append(("page", f"console error: {entry.get('message')}"))
    driver.execute_script(axe_source)
    # axe.run's result holds only plain data, so Selenium hands it back as dicts and lists.
    results = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        # preload: false, or axe fetches the style sheets with XHR, which file:// forbids (a console error of its own).
        "axe.run(document, {resultTypes: ['violations', 'incomplete'], preload: false})"
        ".then(done, e => done({error: String(e)}));")
    if results.get("error"):
        problems.append(("page", f"axe-core failed: {results['error']}"))
        return problems, [], {}
    # "Needs review": what axe could not decide (text over an image, say); counted, not failed.
    incomplete = {}
    for result in results.get("incomplete", []):
        incomplete[result["id"]] = incomplete.get(result["id"], 0) + len(result.get("nodes", []))
    violations = []
    name = pass_name(scheme, viewport)
    for violation in results.get("violations", []):
        impact = violation.get("impact") or "unknown"
        for node in violation.get("nodes", []):
            target = " ".join(str(t) for t in node.get("target", []))
            line = f"axe {violation['id']} ({impact}) on {page} [{name}]: {target} — {violation.get('help', '')}"
            violations.append(line)
            if impact in FAILING_IMPACTS:
                problems.append(("axe", line))
    # A payload might only run on unload or later; read the flag once more after axe's run.
    if driver.execute_script("return window.__bearings_xss") is not None and not any(
            "from the data ran" in p for _, p in problems):
        problems.append(("page", "a script from the data ran (alert, confirm or prompt was called)"))
    for entry in driver.get_log("browser"):
        if entry.get("level") == "SEVERE" and not expected_404(entry.get("message", ""), page):
            problems.append(("page", f"console error: {entry.get('message')}"))
    return problems, violations, incomplete


def pass_name(scheme, viewport):
    """How a pass is named in the report: `light`, `dark`, `light, 390 px`."""
    for name, pass_scheme, pass_viewport in PASSES + [FOLD_PASS]:
        if (pass_scheme, pass_viewport) == (scheme, viewport):
            return name
    return f"{scheme}, {viewport[0]}x{viewport[1]}" if viewport else scheme


def check_all(driver, axe_source, page, reader, dashboard, shown_as, report):
    """Every pass on one page. Returns [(pass name, check, message)]; `report` gets the violations
    and the needs-review counts."""
    found = []
    for name, scheme, viewport in PASSES:
        problems, violations, incomplete = check_page(driver, axe_source, page, scheme, viewport, reader, shown_as)
        report(violations, incomplete)
        found += [(name, check, message) for check, message in problems]
    if reader and dashboard:
        found += [(FOLD_PASS[0], check, message) for check, message in check_fold(driver, page, shown_as)]
    return found


def print_failure(page, found):
    print(f"FAIL {page}")
    lines = [f"[{name}] {message}" for name, check, message in found if check != "axe"]
    lines += [message for name, check, message in found if check == "axe"]
    for line in dict.fromkeys(lines):
        print(f"  {line}")


def load_axe():
    path, version, package, seen = bundled_axe()
    for line in seen:
        print(line)
    if path is None:
        print("no installed package bundles axe-core 4.x", file=sys.stderr)
        return None
    print(f"using axe-core {version} from {package}")
    return path.read_text(encoding="utf-8")


def self_test(samples):
    """Runs every pass, with the reader checks, on the synthetic pages in `samples`; 0 when each
    `CHECK-pass*.html` passes everything and each `CHECK-fail*.html` fails CHECK and no other
    reader check (nor anything else)."""
    axe_source = load_axe()
    if axe_source is None:
        return 2
    pages = sorted(samples.glob("*.html"))
    cases = []
    for page in pages:
        match = re.fullmatch(r"(" + "|".join(READER_CHECKS) + r")-(pass|fail)[^/]*\.html", page.name)
        if not match:
            print(f"self-test: {page.name} is not named CHECK-pass….html or CHECK-fail….html", file=sys.stderr)
            return 2
        cases.append((page, match.group(1), match.group(2)))
    for check in READER_CHECKS:
        for want in ("pass", "fail"):
            if not any(c == check and w == want for _, c, w in cases):
                print(f"self-test: no {check}-{want}….html in {samples}", file=sys.stderr)
                return 2
    driver = start_browser()
    print(f"browser: {driver.capabilities.get('browserName')} {driver.capabilities.get('browserVersion')}")
    wrong = 0
    try:
        for page, check, want in cases:
            found = check_all(driver, axe_source, page, True, check == "headline-fold", page.name,
                              lambda violations, incomplete: None)
            if want == "pass":
                ok = not found
                verdict = "passes, as it should" if ok else "SHOULD PASS but fails"
            else:
                hits = {c for _, c, _ in found}
                ok = hits == {check}
                verdict = (f"fails {check}, as it should" if ok else
                           f"SHOULD FAIL {check} and nothing else, but fails {sorted(hits) or 'nothing'}")
            passes = sorted({name for name, _, _ in found}, key=lambda n: [p[0] for p in PASSES + [FOLD_PASS]].index(n))
            print(f"self-test: {'ok  ' if ok else 'WRONG'} {page.name}: {verdict}"
                  + (f" (in: {', '.join(passes)})" if found else ""))
            for name, _, message in found:
                print(f"    [{name}] {message}")
            wrong += not ok
    finally:
        driver.quit()
    print(f"self-test: {len(cases)} sample pages, {wrong} wrong")
    return 1 if wrong else 0


def main(argv):
    arguments = argv[1:]
    if arguments == ["--axe-script"]:
        path, version, package, seen = bundled_axe()
        for line in seen:
            print(line)
        if path is None:
            return 3
        print(f"using axe-core {version} from {package} ({path})")
        return 0
    if arguments[:1] == ["--self-test"]:
        if len(arguments) > 2:
            print(__doc__.strip().split("\n\n")[-1], file=sys.stderr)
            return 2
        default = Path(__file__).resolve().parent / "browser-check-samples"
        return self_test(Path(arguments[1]).resolve() if len(arguments) == 2 else default)
    reader = "--reader-checks" in arguments
    arguments = [a for a in arguments if a != "--reader-checks"]
    sites = [Path(argument).resolve() for argument in arguments]
    if not sites or any(a.startswith("--") for a in arguments):
        print(__doc__.strip().split("\n\n")[-1], file=sys.stderr)
        return 2
    axe_source = load_axe()
    if axe_source is None:
        return 2
    if reader:
        print(f"reader checks: {', '.join(READER_CHECKS)}")

    pages = []
    for site in sites:
        if not site.is_dir():
            print(f"{site}: not a folder", file=sys.stderr)
            return 2
        found = sorted(site.rglob("*.html"))
        if not found:
            print(f"{site}: no .html pages", file=sys.stderr)
            return 2
        pages += [(site, page) for page in found]
        if (site / "404.html").is_file():
            URLS[site / "404.html"] = serve_not_found(site)

    driver = start_browser()
    print(f"browser: {driver.capabilities.get('browserName')} {driver.capabilities.get('browserVersion')}")
    failed = 0
    totals = {"violations": 0, "needs_review": {}}
    failed_by_check = {}

    def report(violations, incomplete):
        totals["violations"] += len(violations)
        for rule, count in incomplete.items():
            totals["needs_review"][rule] = totals["needs_review"].get(rule, 0) + count
        for line in violations:
            print(line)

    try:
        for site, page in pages:
            shown_as = f"{site.name}/{page.relative_to(site)}"
            found = check_all(driver, axe_source, page, reader, page == site / "index.html", shown_as, report)
            if found:
                failed += 1
                print_failure(page, found)
                for check in {check for _, check, _ in found}:
                    failed_by_check.setdefault(check, []).append(shown_as)
    finally:
        driver.quit()
    print(f"axe: {totals['violations']} violation node(s) in all, of which serious or critical fail the page")
    if totals["needs_review"]:
        counts = ", ".join(f"{rule} {count}" for rule, count in sorted(totals["needs_review"].items()))
        print(f"axe: needs review (not failed): {counts}")
    if reader:
        counts = ", ".join(f"{check} {len(failed_by_check.get(check, []))}" for check in READER_CHECKS)
        print(f"reader checks: pages failing each: {counts}")
    print(f"browser: {len(pages)} pages, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
