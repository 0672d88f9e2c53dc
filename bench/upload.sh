#!/usr/bin/env bash
# What an upload sends after a rebuild: the canonical corpus of N postings built and
# copied to a "server" folder with rsync; then 1 % of the postings edited (their
# headcount) and the site built again the same day; then the files the rebuild wrote
# anew (a new inode or modification time) and `rsync --stats` of the upload, which
# sends files whose size or time changed, as cheap hosting's tools do.
#
#   bench/upload.sh            # N = 10000
#   bench/upload.sh 50000
#   GIGBOARD=/path/to/gigboard bench/upload.sh   # another build of gigboard
#
# Needs: python3, rsync, a release build (this script runs `cargo build --release`
# unless GIGBOARD is given).
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10000}
work=${BENCH_DIR:-/tmp/gigbench}
bin=${GIGBOARD:-}
if [ -z "$bin" ]; then
  cargo build --release --quiet
  bin=$PWD/target/release/gigboard
fi
command -v rsync > /dev/null || { echo "needs rsync: apt-get install rsync" >&2; exit 2; }
corpus=$work/corpus-$n.jsonl
[ -f "$corpus" ] || python3 bench/gen_corpus.py --postings "$n" --markets 103 --seed 1 --out "$corpus" > /dev/null
up=$work/upload-$n
rm -rf "$up"
mkdir -p "$up"
python3 bench/to_gigboard.py --corpus "$corpus" --out "$up/site" > /dev/null
out=$up/out
"$bin" build --root "$up/site" --output "$out" > /dev/null 2>&1
rsync -a "$out/" "$up/server/"
# One build more, so that the rebuild is written into its spare as every later one is.
"$bin" build --root "$up/site" --output "$out" > /dev/null 2>&1
rsync -a "$out/" "$up/server/"

# Every hundredth posting gets one more worker wanted.
python3 - "$up/site/content/jobs" <<'EOF'
import pathlib, re, sys
seen = 0
for feed in sorted(pathlib.Path(sys.argv[1]).rglob("*.yaml")):
    lines = feed.read_text(encoding="utf-8").split("\n")
    for i, line in enumerate(lines):
        m = re.match(r"(\s+headcount: )(\d+)$", line)
        if m:
            seen += 1
            if seen % 100 == 0:
                lines[i] = f"{m.group(1)}{int(m.group(2)) + 1}"
    feed.write_text("\n".join(lines), encoding="utf-8")
print(f"edited {seen // 100} of {seen} postings", file=sys.stderr)
EOF

stamps() { find "$out" -type f -printf '%P %i %T@\n' | sort; }
stamps > "$up/before.txt"
start=$(date +%s.%N)
"$bin" build --root "$up/site" --output "$out" > /dev/null 2>&1
end=$(date +%s.%N)
stamps > "$up/after.txt"
files=$(wc -l < "$up/after.txt")
rewritten=$(comm -13 "$up/before.txt" "$up/after.txt" | wc -l)
stats=$(rsync -a --stats "$out/" "$up/server/")
sent=$(echo "$stats" | sed -n 's/^Total bytes sent: \([0-9,]*\).*/\1/p' | tr -d ,)
transferred=$(echo "$stats" | sed -n 's/^Number of regular files transferred: \([0-9,]*\).*/\1/p' | tr -d ,)
printf '| N | rebuild s | files | rewritten | rewritten %% | rsync files sent | rsync MB sent |\n|---|---|---|---|---|---|---|\n'
printf '| %s | %.2f | %s | %s | %.1f | %s | %.1f |\n' "$n" "$(echo "$end - $start" | bc -l)" \
  "$files" "$rewritten" "$(echo "100 * $rewritten / $files" | bc -l)" "$transferred" \
  "$(echo "$sent / 1000000" | bc -l)"
