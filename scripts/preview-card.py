#!/usr/bin/env python3
"""Writes an HTML page showing what a built site offers to a README and a chat.

  scripts/preview-card.py SITE PAGE OUT.html

SITE/badge.svg is shown the way GitHub shows a README badge (on a light and a dark background), and
PAGE's link-preview tags (og:site_name, og:title, og:description, og:url) are laid out as a chat
app's link card lays them out: the site name small, the title bold and linked, the description
below. Nothing is made up: every text comes from the page's own <meta> tags (read with Python's
HTML parser), so the picture shows what the tags say; a chat app's own card differs in its styling.
"""
import html
import os
import sys
from html.parser import HTMLParser


class Metas(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta":
            key = attrs.get("property") or attrs.get("name")
            if key and "content" in attrs:
                self.tags[key] = attrs["content"]


def main():
    site, page, out = sys.argv[1:4]
    parser = Metas()
    with open(os.path.join(site, page), encoding="utf-8") as f:
        parser.feed(f.read())
    tags = parser.tags
    for key in ("og:title", "og:description", "og:site_name"):
        if key not in tags:
            sys.exit(f"{page} has no {key}")
    badge = os.path.abspath(os.path.join(site, "badge.svg"))
    url = tags.get("og:url", "(no og:url: the site has no base_url)")
    e = html.escape
    with open(out, "w", encoding="utf-8") as f:
        f.write(f"""<!doctype html><html lang="en"><meta charset="utf-8"><title>preview</title>
<style>
body {{ font: 15px/1.4 system-ui, sans-serif; margin: 0; }}
.readme {{ padding: 16px 24px; }} .light {{ background: #fff; color: #1f2328; }}
.dark {{ background: #0d1117; color: #e6edf3; }}
.chat {{ background: #fff; color: #1d1c1d; padding: 16px 24px; }}
.card {{ border-left: 4px solid #ddd; padding: 2px 12px; max-width: 520px; }}
.site {{ font-weight: 600; color: #616061; font-size: 13px; }}
.title {{ font-weight: 700; color: #1264a3; }} .desc {{ margin-top: 2px; }}
.url {{ color: #616061; font-size: 12px; margin-top: 4px; }} h2 {{ font-size: 13px; margin: 0 0 8px; color: #888; }}
</style>
<div class="readme light"><h2>README, light</h2><img src="file://{e(badge)}" alt="badge"></div>
<div class="readme dark"><h2>README, dark</h2><img src="file://{e(badge)}" alt="badge"></div>
<div class="chat"><h2>Link card from {e(page)}'s tags</h2><div class="card">
<div class="site">{e(tags["og:site_name"])}</div><div class="title">{e(tags["og:title"])}</div>
<div class="desc">{e(tags["og:description"])}</div><div class="url">{e(url)}</div></div></div>
""")


if __name__ == "__main__":
    main()
