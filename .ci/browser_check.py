"""Loads every page of built Bearings sites in headless Chromium and fails on what a reader would hit.

For each `.html` file of each site folder, from `file://`, in the light and the dark colour scheme at
1280 px, and in the light one at 390 px (a phone):

- no console errors: every SEVERE entry of the browser log fails the page;
- no script from the data runs: before any page script, `alert`, `confirm` and `prompt` are replaced
  (DevTools `Page.addScriptToEvaluateOnNewDocument`) by a function that sets `window.__bearings_xss`;
  the data's payloads call them. Then every `<a>` whose target is a `javascript:` URL is clicked
  (there should be none: their presence fails too) and the flag must still be undefined;
- axe-core finds no `serious` or `critical` violation. Every violation is printed, with its rule
  id, impact, page and the selector of each element; minor and moderate ones do not fail;
- nothing runs off the right edge, at 1280 px or at 390 px: neither the page nor any element
  scrolls sideways, except the charts (`figure.chart`, drawn for 540 px and more), the data tables
  folded away in `details.data-table`, a snapshot's metric × project table (`table.matrix`) and code
  blocks (`pre`). The summary tables (`table.stack`) must fit.

Usage: browser_check.py SITE_DIR [SITE_DIR ...]
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
# (colour scheme, emulated viewport width or None for the window's 1280 px)
PASSES = [("light", None), ("dark", None), ("light", 390)]

# What scrolls sideways, besides the charts, the folded data tables, snapshot tables and code blocks.
SIDEWAYS = """
const found = [];
const root = document.documentElement;
if (root.scrollWidth > root.clientWidth + 1) {
  found.push(`the page is ${root.scrollWidth} px wide in a ${root.clientWidth} px viewport`);
}
for (const element of document.body.querySelectorAll('*')) {
  const style = getComputedStyle(element);
  if (!['auto', 'scroll', 'hidden'].includes(style.overflowX)) continue;
  if (element.scrollWidth <= element.clientWidth + 1) continue;
  if (element.matches('figure.chart, pre') || element.closest('details.data-table, thead')) continue;
  if (element.querySelector(':scope > table.matrix')) continue;
  const label = element.querySelector('caption, h2, h3');
  found.push(`${element.tagName.toLowerCase()}.${element.className} scrolls sideways ` +
    `(${element.scrollWidth} px in ${element.clientWidth} px)` +
    (label ? `: ${label.textContent.trim().slice(0, 60)}` : ''));
}
return found;
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


def pass_name(scheme, width):
    """How a pass is named in the report: `light`, `dark`, `light, 390 px`."""
    return f"{scheme}, {width} px" if width else scheme


def check_page(driver, axe_source, page, scheme, width=None):
    """The problems found on one page in one colour scheme and width, as printable lines."""
    problems = []
    driver.execute_cdp_cmd(
        "Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": scheme}]})
    if width:
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": width, "height": 844, "deviceScaleFactor": 1, "mobile": False})
    else:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    driver.get_log("browser")  # drains the previous page's entries: only this load's count
    driver.get(page.as_uri())
    clicked = driver.execute_script(JAVASCRIPT_LINKS)
    for html in clicked:
        problems.append(f"javascript: link in the page: {html}")
    # Clicking may navigate; the flag is read from whatever document is showing now.
    if driver.execute_script("return window.__bearings_xss") is not None:
        problems.append("a script from the data ran (alert, confirm or prompt was called)")
    if driver.current_url != page.as_uri():
        driver.get(page.as_uri())
    problems += driver.execute_script(SIDEWAYS)
    for entry in driver.get_log("browser"):
        if entry.get("level") == "SEVERE":
            problems.append(f"console error: {entry.get('message')}")
    driver.execute_script(axe_source)
    # axe.run's result holds only plain data, so Selenium hands it back as dicts and lists.
    results = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        # preload: false, or axe fetches the style sheets with XHR, which file:// forbids (a console error of its own).
        "axe.run(document, {resultTypes: ['violations', 'incomplete'], preload: false})"
        ".then(done, e => done({error: String(e)}));")
    if results.get("error"):
        problems.append(f"axe-core failed: {results['error']}")
        return problems, [], {}
    # "Needs review": what axe could not decide (text over an image, say); counted, not failed.
    incomplete = {}
    for result in results.get("incomplete", []):
        incomplete[result["id"]] = incomplete.get(result["id"], 0) + len(result.get("nodes", []))
    violations = []
    for violation in results.get("violations", []):
        impact = violation.get("impact") or "unknown"
        for node in violation.get("nodes", []):
            target = " ".join(str(t) for t in node.get("target", []))
            line = f"axe {violation['id']} ({impact}) on {page} [{pass_name(scheme, width)}]: {target} — {violation.get('help', '')}"
            violations.append(line)
            if impact in FAILING_IMPACTS:
                problems.append(line)
    # A payload might only run on unload or later; read the flag once more after axe's run.
    if driver.execute_script("return window.__bearings_xss") is not None and not any(
            "from the data ran" in p for p in problems):
        problems.append("a script from the data ran (alert, confirm or prompt was called)")
    for entry in driver.get_log("browser"):
        if entry.get("level") == "SEVERE":
            problems.append(f"console error: {entry.get('message')}")
    return problems, violations, incomplete


def main(argv):
    if argv[1:] == ["--axe-script"]:
        path, version, package, seen = bundled_axe()
        for line in seen:
            print(line)
        if path is None:
            return 3
        print(f"using axe-core {version} from {package} ({path})")
        return 0
    sites = [Path(argument).resolve() for argument in argv[1:]]
    if not sites:
        print(__doc__.strip().split("\n\n")[-1], file=sys.stderr)
        return 2
    path, version, package, seen = bundled_axe()
    for line in seen:
        print(line)
    if path is None:
        print("no installed package bundles axe-core 4.x", file=sys.stderr)
        return 2
    print(f"using axe-core {version} from {package}")
    axe_source = path.read_text(encoding="utf-8")

    pages = []
    for site in sites:
        if not site.is_dir():
            print(f"{site}: not a folder", file=sys.stderr)
            return 2
        found = sorted(site.rglob("*.html"))
        if not found:
            print(f"{site}: no .html pages", file=sys.stderr)
            return 2
        pages += found

    driver = start_browser()
    print(f"browser: {driver.capabilities.get('browserName')} {driver.capabilities.get('browserVersion')}")
    failed = 0
    violation_count = 0
    needs_review = {}
    try:
        for page in pages:
            page_problems = []
            for scheme, width in PASSES:
                problems, violations, incomplete = check_page(driver, axe_source, page, scheme, width)
                violation_count += len(violations)
                for rule, count in incomplete.items():
                    needs_review[rule] = needs_review.get(rule, 0) + count
                for line in violations:
                    print(line)
                page_problems += [f"[{pass_name(scheme, width)}] {p}" for p in problems if not p.startswith("axe ")]
                page_problems += [p for p in problems if p.startswith("axe ")]
            if page_problems:
                failed += 1
                print(f"FAIL {page}")
                for problem in dict.fromkeys(page_problems):
                    print(f"  {problem}")
    finally:
        driver.quit()
    print(f"axe: {violation_count} violation node(s) in all, of which serious or critical fail the page")
    if needs_review:
        counts = ", ".join(f"{rule} {count}" for rule, count in sorted(needs_review.items()))
        print(f"axe: needs review (not failed): {counts}")
    print(f"browser: {len(pages)} pages, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
