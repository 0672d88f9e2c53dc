#!/usr/bin/env python3
"""Turn corpus.jsonl (from gen_corpus.py) into a gigboard site (content/ tree).

Stdlib only.  Writes <out>/content/{site.yaml,regions.yaml,markets/,jobs/} with one
feed per market and posting day, so gigboard reads the same postings the Zola and
Hugo sites of to_hugo.py are made from.

    python3 bench/to_gigboard.py --corpus corpus.jsonl --out /tmp/gigbench/sites/gigboard-n1000
    gigboard build --root /tmp/gigbench/sites/gigboard-n1000

Choices that keep the comparison fair (every posting is published, as the peers do):
- "today" (site.yaml `date`) is the newest posting day; a posting that expired before
  it gets its `expires` moved to that day, so all N postings are live;
- every posting is verified by its market on the day it was posted;
- the corpus has hourly rates under Inner Mongolia's wage floor, which gigboard would
  reject: the bench site leaves `minimum_wage` out (no floor check);
- the phone number written inside the description moves to `contact.phone` (gigboard
  refuses personal phones in body text).
Counties are matched by name to the GB/T 2260 codes of the sample's regions.yaml.
"""
import argparse
import json
import os
import re
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REGIONS = os.path.join(HERE, "..", "content", "regions.yaml")
MARKER = ".peer-site"


def q(v):
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(v, ensure_ascii=False)


def county_codes():
    codes, current = {}, None
    with open(REGIONS, encoding="utf-8") as f:
        for line in f:
            m = re.match(r'\s*-?\s*\{?code: "(\d{6})",?\s*(?:name: ([^,\n]+))?', line)
            if m:
                current = m.group(1)
                if m.group(2):
                    codes[m.group(2).strip()] = current
                continue
            m = re.match(r"\s+name: (.+)", line)
            if m and current:
                codes.setdefault(m.group(1).strip(), current)
    return codes


DAYS = {"一": "mon", "二": "tue", "三": "wed", "四": "thu", "五": "fri", "六": "sat", "日": "sun"}


def hours_rules(text):
    """'周一至周六 07:00-18:00' / '每日 06:00-11:00，14:00-17:00' -> rule lines."""
    m = re.match(r"(每日|周(.)至周(.))\s*(.*)", text)
    days = "daily" if m.group(1) == "每日" else f"{DAYS[m.group(2)]}-{DAYS[m.group(3)]}"
    spans = re.findall(r"(\d\d:\d\d)-(\d\d:\d\d)", m.group(4))
    return [f'  - {{days: {days}, open: "{a}", close: "{b}"}}' for a, b in spans]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    meta, markets, postings = None, [], []
    with open(a.corpus, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            t = r.pop("type")
            if t == "meta":
                meta = r
            elif t == "market":
                markets.append(r)
            else:
                postings.append(r)
    if os.path.exists(a.out):
        if not os.path.exists(os.path.join(a.out, MARKER)):
            sys.exit(f"refusing to replace {a.out}: it has no {MARKER} marker")
        shutil.rmtree(a.out)
    content = os.path.join(a.out, "content")
    os.makedirs(content)
    open(os.path.join(a.out, MARKER), "w").close()
    shutil.copy(REGIONS, os.path.join(content, "regions.yaml"))
    codes = county_codes()
    today = max(p["posted"] for p in postings)
    with open(os.path.join(content, "site.yaml"), "w", encoding="utf-8") as f:
        f.write("title: 内蒙古零工信息网\nlanguage: zh-CN\ntimezone: Asia/Shanghai\n")
        f.write(f"date: {today}\nbase_url: https://jobs.example.org/\npaginate: 50\n")
        f.write('hotlines:\n  - {kind: service, number: "12333", label: 人社服务热线}\n')
        f.write("categories:\n")
        for c in meta["categories"]:
            f.write(f"  {c['slug']}: {q(c['name'])}\n")
    os.makedirs(os.path.join(content, "markets"))
    for m in markets:
        code = codes.get(m["county"])
        if code is None:
            sys.exit(f"county {m['county']} of market {m['slug']} is not in regions.yaml")
        lines = [
            f"name: {q(m['name'])}",
            f'county: "{code}"',
            f"address: {q(m['address'])}",
            f"location: {{lat: {m['lat']}, lon: {m['lon']}}}",
            "status: operating",
            "hours:",
            *hours_rules(m["hours"]),
            "hotlines:",
            f'  - {{kind: service, number: "{m["hotline"]}", label: 市场服务电话}}',
            "services: [waiting, postings, quick_hire, training, rights, legal]",
            "facilities: [shelter, heating, seating, water, toilets, info_board]",
        ]
        with open(os.path.join(content, "markets", f"{m['slug']}.yaml"), "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
    feeds = {}
    for p in postings:
        feeds.setdefault((p["market"], p["posted"]), []).append(p)
    for (market, day), items in sorted(feeds.items()):
        d = os.path.join(content, "jobs", market)
        os.makedirs(d, exist_ok=True)
        out = [f"market: {market}", "postings:"]
        for p in items:
            body = p["description"].replace(f"联系电话 `{p['phone']}`，", "")
            out += [
                f'  - id: "{p["id"]}"',
                f"    title: {q(p['title'])}",
                f"    category: {p['category']}",
                f"    employer: {{name: {q(p['employer'])}, kind: company}}",
                f"    pay: {{amount: {p['pay_amount']}, unit: {p['pay_unit']}}}",
                f"    headcount: {p['headcount']}",
                f'    start: "{p["start"]}T08:00"',
                f"    posted: {p['posted']}",
                f"    expires: {max(p['expires'], today)}",
                f"    quick_hire: {'true' if p['title'].startswith('急招') else 'false'}",
                f'    contact: {{phone: "{p["phone"]}"}}',
                f"    verified: {{by: {q(p['market_name'])}, on: {p['posted']}}}",
                f"    body: {q(body)}",
            ]
        with open(os.path.join(d, f"{day}.yaml"), "w", encoding="utf-8") as f:
            f.write("\n".join(out) + "\n")
    print(f"{a.out}\tpostings={len(postings)}\tmarkets={len(markets)}\tfeeds={len(feeds)}\ttoday={today}")


if __name__ == "__main__":
    main()
