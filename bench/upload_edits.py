#!/usr/bin/env python3
"""The edits bench/upload.sh makes to the corpus's feeds, as a bureau's day would.

  upload_edits.py spread JOBS   every posting's expiry spread over twenty days from the
                                site's day (2025-12-30): one in twenty expires each night
  upload_edits.py edit JOBS     every hundredth posting wants one more worker
  upload_edits.py add JOBS      one posting in twenty is copied as a new one posted on
                                2025-12-31 (the next morning)
"""

import datetime
import pathlib
import re
import sys

DAY = datetime.date(2025, 12, 30)


def feeds(jobs):
    return sorted(pathlib.Path(jobs).rglob("*.yaml"))


def spread(jobs):
    seen = 0
    for feed in feeds(jobs):
        lines = feed.read_text(encoding="utf-8").split("\n")
        for i, line in enumerate(lines):
            m = re.match(r"(\s+expires: )\S+$", line)
            if m:
                lines[i] = f"{m.group(1)}{DAY + datetime.timedelta(days=seen % 20)}"
                seen += 1
        feed.write_text("\n".join(lines), encoding="utf-8")


def edit(jobs):
    seen = 0
    for feed in feeds(jobs):
        lines = feed.read_text(encoding="utf-8").split("\n")
        for i, line in enumerate(lines):
            m = re.match(r"(\s+headcount: )(\d+)$", line)
            if m:
                seen += 1
                if seen % 100 == 0:
                    lines[i] = f"{m.group(1)}{int(m.group(2)) + 1}"
        feed.write_text("\n".join(lines), encoding="utf-8")


def add(jobs):
    seen = 0
    for feed in feeds(jobs):
        text = feed.read_text(encoding="utf-8")
        head, *items = re.split(r"(?m)^(?=  - id: )", text)
        added = []
        for item in items:
            seen += 1
            if seen % 20 == 0:
                new = re.sub(r'id: "([^"]+)"', r'id: "\1-n"', item, count=1)
                new = re.sub(r"(?m)^(\s+posted: )\S+$", r"\g<1>2025-12-31", new)
                new = re.sub(r"(?m)^(\s+expires: )\S+$", r"\g<1>2026-01-09", new)
                new = re.sub(r"on: [0-9-]+}", "on: 2025-12-31}", new)
                added.append(new if new.endswith("\n") else new + "\n")
        if added:
            body = "".join(items)
            if not body.endswith("\n"):
                body += "\n"
            feed.write_text(head + body + "".join(added), encoding="utf-8")


if __name__ == "__main__":
    {"spread": spread, "edit": edit, "add": add}[sys.argv[1]](sys.argv[2])
