"""Prints the pages of built Bearings sites to PDF in headless Chromium and fails on long ones.

SPEC.md section 4: printed, the dashboard and a decision page fit on at most 3 A4 pages. For each
site folder, its `index.html` (the dashboard) and every `decisions/*.html` are printed the way a
reader's "Save as PDF" would: DevTools `Page.printToPDF`, A4 paper (8.27 x 11.69 in), Chromium's
default margins, no header or footer, no background graphics, the page's own `@media print` rules.
The pages of the PDF are counted (the `/Type /Page` objects; Chromium writes them uncompressed).

A page fails when
- `pages`: its PDF has more than MAX pages (3 unless --max-pages says otherwise), or
- `footer-alone`: a page of the PDF holds only the site footer: the page is printed again with
  `.site-footer` hidden and comes out a page shorter.

And, on screen, each site's dashboard (`index.html`):
- `card-breaks`: a date or number in the headline cards (`.headline .figures`, `.headline .as-of`)
  runs over two lines ("2025-07-" / "01", "2024" / "Q3", "+0.6" / "pts"). The page is laid out at
  every width from 320 to 1280 px in steps of 20 px (390 and 1280 among them; DevTools
  device-metrics), in the light and the dark scheme; a token breaks when its text's boxes lie on
  more than one line. Tokens: ISO dates, "2025 Q3", "Jul 2025", and numbers with their sign, %, "pt"
  or "pts".

Every page printed is listed with its length in pages, so the figures of a run can be read off the
log: with poppler's pdftotext installed, 2.45 means two pages and the last one filled down to 45%
of its height (the limit is on whole pages: 3.0 passes, 3.01 is 4 pages and fails).

Usage: print_check.py [--max-pages N] [--pdf-dir DIR] SITE_DIR [SITE_DIR ...]
           --pdf-dir keeps each PDF there (SITE-NAME_PAGE.pdf), for screenshots of the pages.
       print_check.py --self-test   prints synthetic pages (written to a temporary folder) that
                                    must pass, fail `pages` or fail `footer-alone`, and fails
                                    unless each does just that
The last line is `print: N pages, F failed, longest P A4 pages (PAGE)`; the exit status is 1 when
F > 0.
"""

import base64
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

A4 = {"paperWidth": 8.27, "paperHeight": 11.69}
HIDE_FOOTER = """
const style = document.createElement('style');
style.textContent = '.site-footer { display: none !important; }';
document.head.appendChild(style);
"""


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
    driver_path = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")
    service = Service(executable_path=driver_path) if os.path.exists(driver_path) else Service()
    driver = webdriver.Chrome(options=options, service=service)
    driver.set_page_load_timeout(30)
    return driver


def count_pages(pdf):
    """The number of page objects in a PDF: `/Type /Page`, not `/Type /Pages` (the page tree)."""
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))


def last_page_fill(pdf, pages):
    """How far down its last page a PDF's text reaches, 0-1, read with poppler's pdftotext when it
    is installed (None otherwise): for the log, to see how much room a page has left."""
    if shutil.which("pdftotext") is None or pages == 0:
        return None
    with tempfile.NamedTemporaryFile(suffix=".pdf") as file:
        file.write(pdf)
        file.flush()
        layout = subprocess.run(["pdftotext", "-f", str(pages), "-l", str(pages), "-bbox", file.name, "-"],
                                capture_output=True, text=True).stdout
    height = re.search(r'<page width="[\d.]+" height="([\d.]+)"', layout)
    bottoms = [float(value) for value in re.findall(r'yMax="([\d.]+)"', layout)]
    if not height or not bottoms:
        return None
    return max(bottoms) / float(height.group(1))


def print_pdf(driver, page, hide_footer=False):
    driver.get(page.as_uri())
    if hide_footer:
        driver.execute_script(HIDE_FOOTER)
    result = driver.execute_cdp_cmd("Page.printToPDF", dict(A4, printBackground=False, displayHeaderFooter=False))
    return base64.b64decode(result["data"])


def check_page(driver, page, max_pages, pdf_dir=None, label=None):
    """The failures of one page, and its page count."""
    pdf = print_pdf(driver, page)
    if pdf_dir is not None:
        pdf_dir.mkdir(parents=True, exist_ok=True)
        (pdf_dir / (label.replace("/", "_").replace(".html", "") + ".pdf")).write_bytes(pdf)
    pages = count_pages(pdf)
    fill = last_page_fill(pdf, pages)
    failures = []
    if pages > max_pages:
        failures.append(f"pages: {pages} A4 pages, more than {max_pages}")
    if pages > 1:
        without = count_pages(print_pdf(driver, page, hide_footer=True))
        if without < pages:
            failures.append(f"footer-alone: page {pages} of {pages} holds only the footer "
                            f"({without} without it)")
    return failures, pages if fill is None else round(pages - 1 + fill, 2)


TOKENS_JS = r"""
const re = /\d{4}-\d{2}-\d{2}|\d{4}[ \u00a0]Q[1-4]|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[ \u00a0]\d{4}|[+\u2212\u00b1-]?\d[\d,.]*(?:%|[ \u00a0]pts?\b)?/g;
const broken = [];
for (const root of document.querySelectorAll('.headline .figures, .headline .as-of')) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node; (node = walker.nextNode());) {
    for (const match of node.data.replaceAll('\u2011', '-').matchAll(re)) {
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      const lines = new Set([...range.getClientRects()].filter(box => box.width > 0).map(box => Math.round(box.top)));
      if (lines.size > 1) broken.push(match[0]);
    }
  }
}
return [document.querySelectorAll('.headline .figures').length, broken];
"""
CARD_WIDTHS = list(range(320, 1281, 20)) + [390]


def check_cards(driver, page):
    """The `card-breaks` failures of a dashboard: a date or number over two lines in its cards."""
    failures = []
    driver.get(page.as_uri())
    for scheme in ["light", "dark"]:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia",
                               {"features": [{"name": "prefers-color-scheme", "value": scheme}]})
        for width in sorted(set(CARD_WIDTHS)):
            driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                   {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": False})
            cards, broken = driver.execute_script(TOKENS_JS)
            if broken:
                failures.append(f"card-breaks: {', '.join(repr(token) for token in broken)} over two lines "
                                f"at {width} px, {scheme}")
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})
    return failures


def site_pages(site):
    pages = [site / "index.html"] if (site / "index.html").is_file() else []
    decisions = site / "decisions"
    if decisions.is_dir():
        pages += sorted(path for path in decisions.glob("*.html") if path.is_file())
    return pages


def run(driver, sites, max_pages, pdf_dir):
    failed = 0
    count = 0
    longest = (0, "")
    for site in sites:
        pages = site_pages(site)
        if not pages:
            print(f"{site}: no index.html and no decisions/*.html to print", file=sys.stderr)
            failed += 1
            continue
        for page in pages:
            label = f"{site.name}/{page.relative_to(site)}"
            failures, pages_printed = check_page(driver, page, max_pages, pdf_dir, label)
            if page.name == "index.html" and page.parent == site:
                failures += check_cards(driver, page)
            count += 1
            longest = max(longest, (pages_printed, label))
            print(f"{'FAIL' if failures else 'ok  '} {pages_printed:>4} {label}")
            for failure in failures:
                print(f"     {page}: {failure}")
            failed += 1 if failures else 0
    print(f"print: {count} pages, {failed} failed, longest {longest[0]} A4 pages ({longest[1]})")
    return 1 if failed else 0


SAMPLE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{name}</title>
<style>body {{ margin: 0; font: 12pt sans-serif; }} .block {{ height: {height}; }}</style></head>
<body><main><div class="block">{name}</div></main>
<footer class="site-footer"><p>Data as of 2025-07-01.</p></footer></body></html>
"""

# name: (height of the content, the check it must fail or None)
SAMPLES = {
    "short": ("120mm", None),
    "three-pages": ("700mm", None),
    "four-pages": ("900mm", "pages"),
    "footer-alone": ("272mm", "footer-alone"),
}

CARD_SAMPLE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{name}</title>
<style>body {{ margin: 0; font: 16px sans-serif; }} .figures {{ display: grid; grid-template-columns: 1fr 1fr; }}
.figure {{ margin: 0; }} time {{ {time} }}</style></head>
<body><main><section class="headline"><p class="as-of">As of <time datetime="2025-07-01">2025 Q3</time></p>
<div class="figures"><p class="figure">64.3% share</p>
<p class="figure">the bets as judged today on <time datetime="2025-07-01">2025-07-01</time></p></div>
</section></main></body></html>
"""

# name: (CSS for the card's <time>, the check it must fail or None)
CARD_SAMPLES = {
    "card-dates-whole": ("white-space: nowrap;", None),
    "card-date-broken": ("", "card-breaks"),
}


def self_test(driver, max_pages):
    wrong = 0
    with tempfile.TemporaryDirectory() as folder:
        for name, (height, want) in SAMPLES.items():
            page = Path(folder) / f"{name}.html"
            page.write_text(SAMPLE.format(name=name, height=height), encoding="utf-8")
            failures, pages = check_page(driver, page, max_pages)
            got = sorted({failure.split(":")[0] for failure in failures})
            ok = got == ([want] if want else [])
            wrong += 0 if ok else 1
            print(f"self-test: {'ok  ' if ok else 'WRONG'} {name}: {pages} pages, "
                  f"{', '.join(got) or 'passes'} (want {want or 'passes'})")
        for name, (time_css, want) in CARD_SAMPLES.items():
            page = Path(folder) / f"{name}.html"
            page.write_text(CARD_SAMPLE.format(name=name, time=time_css), encoding="utf-8")
            failures = check_cards(driver, page)
            got = sorted({failure.split(":")[0] for failure in failures})
            ok = got == ([want] if want else [])
            wrong += 0 if ok else 1
            print(f"self-test: {'ok  ' if ok else 'WRONG'} {name}: "
                  f"{'; '.join(failures[:2]) or 'passes'} (want {want or 'passes'})")
    print(f"self-test: {len(SAMPLES) + len(CARD_SAMPLES)} sample pages, {wrong} wrong")
    return 1 if wrong else 0


def main(argv):
    arguments = argv[1:]
    max_pages = 3
    pdf_dir = None
    while arguments[:1] in (["--max-pages"], ["--pdf-dir"]) and len(arguments) >= 2:
        if arguments[0] == "--max-pages":
            max_pages = int(arguments[1])
        else:
            pdf_dir = Path(arguments[1])
        arguments = arguments[2:]
    if not arguments:
        print(__doc__.split("Usage: ")[1].split("\n\n")[0], file=sys.stderr)
        return 2
    driver = start_browser()
    try:
        if arguments == ["--self-test"]:
            return self_test(driver, max_pages)
        sites = [Path(argument).resolve() for argument in arguments]
        return run(driver, sites, max_pages, pdf_dir)
    finally:
        driver.quit()


if __name__ == "__main__":
    sys.exit(main(sys.argv))
