#!/usr/bin/env bash
# What an upload sends after a rebuild. The canonical corpus of N postings is built and
# copied to a "server" folder with rsync, then rebuilt twice as a bureau would:
# - the same day, after 1 % of the postings were edited (their headcount);
# - the next morning, with one posting in twenty expired overnight and one in twenty new.
# For each: the files the rebuild wrote anew (a new inode or modification time) and
# `rsync --stats` of the upload, which sends the files whose size or time changed, as
# cheap hosting's tools do (a local rsync sends them whole, as object stores and FTP do).
#
#   bench/upload.sh            # N = 10000
#   bench/upload.sh 50000
#   GIGBOARD=/path/to/gigboard bench/upload.sh   # another build of gigboard
#
# Needs: python3, rsync, bc, a release build (this script runs `cargo build --release`
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
jobs=$up/site/content/jobs
out=$up/out

# The corpus pins every expiry to the site's day: spread them over twenty days, so that
# one posting in twenty expires each night, as on a real board.
python3 bench/upload_edits.py spread "$jobs"

# build DATE: the site as of DATE, into $out.
build() { "$bin" build --root "$up/site" --output "$out" --date "$1" > /dev/null 2>&1; }
stamps() { find "$out" -type f -printf '%P %i %T@\n' | sort; }
# measure WHAT DATE: rebuild for DATE, then count what was written anew and upload.
measure() {
  stamps > "$up/before.txt"
  local start end stats files rewritten sent transferred
  start=$(date +%s.%N)
  build "$2"
  end=$(date +%s.%N)
  stamps > "$up/after.txt"
  files=$(wc -l < "$up/after.txt")
  # The files written anew, kept for a look: rewritten-1.txt (same day), -2 (next morning).
  scenario=$((${scenario:-0} + 1))
  comm -13 "$up/before.txt" "$up/after.txt" | cut -d' ' -f1 > "$up/rewritten-$scenario.txt"
  rewritten=$(wc -l < "$up/rewritten-$scenario.txt")
  stats=$(rsync -a --delete --stats "$out/" "$up/server/")
  sent=$(echo "$stats" | sed -n 's/^Total bytes sent: \([0-9,]*\).*/\1/p' | tr -d ,)
  transferred=$(echo "$stats" | sed -n 's/^Number of regular files transferred: \([0-9,]*\).*/\1/p' | tr -d ,)
  printf '| %s | %s | %.2f | %s | %s | %.1f | %s | %.1f |\n' "$n" "$1" \
    "$(echo "$end - $start" | bc -l)" "$files" "$rewritten" \
    "$(echo "100 * $rewritten / $files" | bc -l)" "$transferred" "$(echo "$sent / 1000000" | bc -l)"
}

build 2025-12-30
rsync -a "$out/" "$up/server/"
# One build more, so that a rebuild is written into its spare as every later one is.
build 2025-12-30
rsync -a --delete "$out/" "$up/server/"
printf '| N | rebuild | s | files | rewritten | rewritten %% | rsync files sent | rsync MB sent |\n'
printf '|---|---|---|---|---|---|---|---|\n'
python3 bench/upload_edits.py edit "$jobs"
measure "same day, 1 % edited" 2025-12-30
python3 bench/upload_edits.py add "$jobs"
measure "next morning, 5 % new, 5 % expired" 2025-12-31
