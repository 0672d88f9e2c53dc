"""Reads every Atom feed named on standard input (one path a line) with feedparser and
prints one JSON object a feed: whether feedparser found it ill-formed (bozo, and why),
its version as feedparser names it, its title, and for each entry its id, link, title
and updated time as feedparser read them. tests/validators.rs compares those with the
site's own data."""
import json
import sys

import feedparser

for line in sys.stdin:
    path = line.rstrip("\n")
    if not path:
        continue
    with open(path, "rb") as f:
        parsed = feedparser.parse(f.read())
    print(json.dumps({
        "path": path,
        "bozo": bool(parsed.bozo),
        "problem": str(parsed.get("bozo_exception", "")),
        "version": parsed.version,
        "title": parsed.feed.get("title", ""),
        "entries": [
            {
                "id": e.get("id", ""),
                "link": e.get("link", ""),
                "title": e.get("title", ""),
                "updated": bool(e.get("updated_parsed")),
            }
            for e in parsed.entries
        ],
    }, ensure_ascii=False))
