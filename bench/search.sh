#!/usr/bin/env bash
# Search on a phone: the canonical corpus of N postings is built, then the search page is
# opened in Chromium (360 px, from file://, a fresh page for each query) with each query
# of a fixed list in its address, as a worker's link or typing does. For each query:
# the bytes asked for before the first result (gzipped, as a host sends them: the page,
# its CSS and JS, the index's entry, lists and records), of which the index's own, and
# the milliseconds from a keystroke to the first result with the CPU slowed 4× (DevTools
# throttling) once the query's files are loaded. Then the index's total size.
#
#   bench/search.sh                  # N = 10000 and 100000
#   bench/search.sh 10000
#   LIGHTHOUSE=1 bench/search.sh     # and Lighthouse (mobile, simulated slow 4G) of the page
#
# Needs: python3, node, Chromium, playwright-core (tests' `target/browser-tools`); for
# LIGHTHOUSE=1, `npm install --prefix target/bench-tools lighthouse@12`.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10000 100000)
work=${BENCH_DIR:-/tmp/gigbench}
modules=${GIGBOARD_NODE_MODULES:-$PWD/target/browser-tools/node_modules}
cargo build --release --quiet
bin=$PWD/target/release/gigboard
queries=$work/search-queries.json
mkdir -p "$work"
# One to four characters: the commonest character and pair of the corpus, trades, a
# place, a long common phrase, a word no posting has, and two filters.
cat > "$queries" << 'JSON'
[{"q": "工"}, {"q": "人"}, {"q": "服务"}, {"q": "司机"}, {"q": "保洁"}, {"q": "冷库"},
 {"q": "搬运工"}, {"q": "包头"}, {"q": "服务站"}, {"q": "零工市场"}, {"q": "人力资源"},
 {"q": "羊绒分梳"}, {"q": "无此岗位"},
 {"q": "工", "unit": "day"}, {"q": "司机", "category": "driving"}]
JSON

for n in "${sizes[@]}"; do
  corpus=$work/corpus-$n.jsonl
  [ -f "$corpus" ] || python3 bench/gen_corpus.py --postings "$n" --markets 103 --seed 1 --out "$corpus" > /dev/null
  dir=$work/search-$n
  rm -rf "$dir"
  python3 bench/to_gigboard.py --corpus "$corpus" --out "$dir/site" > /dev/null
  "$bin" build --root "$dir/site" --output "$dir/out" --date 2025-12-30 > /dev/null 2>&1
  node tests/browser/search.mjs --node-modules "$modules" --throttle 4 "$dir/out" "$queries" > "$dir/report.json"
  python3 - "$n" "$dir" << 'PY'
import gzip, json, os, sys
n, d = int(sys.argv[1]), sys.argv[2]
report = json.load(open(os.path.join(d, "report.json")))
print(f"\n{n:,} postings\n")
print("| query | results | KB before the first result (gzipped) | of which the index | files of the index | keystroke → first result, CPU 4× slower |")
print("|---|---|---|---|---|---|")
for r in report:
    q = r["query"]
    name = " + ".join(f"{k}={v}" for k, v in q.items() if v and k != "q")
    name = (q.get("q") or "") + (f" ({name})" if name else "")
    before = [f for f in r["files"] if f["before_first"]]
    index = [f for f in before if f["file"].startswith("search/") and f["file"] != "search/index.html"]
    if not r["results"]:
        index = [f for f in r["files"] if f["file"].startswith("search/") and f["file"] != "search/index.html"]
        before = r["files"]
    ms = "—" if r["typed_ms"] is None else f"{r['typed_ms']:.0f} ms"
    print(f"| {name} | {r['status']} | {sum(f['gzip'] for f in before) / 1000:.1f} | "
          f"{sum(f['gzip'] for f in index) / 1000:.1f} | {len(index)} | {ms} |")
total = gz = files = 0
for root, _, names in os.walk(os.path.join(d, "out", "search")):
    for name in names:
        if name.endswith(".js"):
            data = open(os.path.join(root, name), "rb").read()
            total += len(data); gz += len(gzip.compress(data, 9)); files += 1
entry = open(os.path.join(d, "out", "search", "index.js"), "rb").read()
print(f"\nIndex: {files:,} files, {total / 1e6:.1f} MB ({gz / 1e6:.1f} MB gzipped); "
      f"entry {len(entry) / 1000:.1f} KB ({len(gzip.compress(entry, 9)) / 1000:.1f} KB gzipped)")
PY
  if [ -n "${LIGHTHOUSE:-}" ]; then
    # The page as opened from a link with a query (司机), and empty.
    for page in "search/index.html?q=%E5%8F%B8%E6%9C%BA" "search/index.html"; do
      node bench/lighthouse.mjs --at "2025-12-30 09:00:00" "$dir/out" "$page" | tail -1
    done
  fi
done
