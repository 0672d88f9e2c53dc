#!/usr/bin/env bash
# One build into an empty folder against the write floor of its own tree, holding one
# tree on disk at a time (a million postings make a tree of tens of GB; bench/run.sh
# keeps the output and the floor's copy side by side).
#
#   bench/floor.sh 1000000
#
# Prints the build's wall, CPU (user + system) and peak memory with `--timings`, the
# tree's files and bytes, then the floor: the same files and sizes written by
# bench/io_floor.py with no other work, after the output was deleted. Each measured
# step starts SETTLE seconds (default 31) after the deletion before it (see run.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:?usage: bench/floor.sh N}
work=${BENCH_DIR:-/tmp/gigbench}
mkdir -p "$work/out" "$work/sites"
[ -x /usr/bin/time ] || { echo "needs GNU time: apt-get install time" >&2; exit 2; }
cargo build --release --quiet
bin=$PWD/target/release/gigboard
corpus=$work/corpus-$n.jsonl
[ -f "$corpus" ] || python3 bench/gen_corpus.py --postings "$n" --markets 103 --seed 1 --out "$corpus" > /dev/null
site=$work/sites/gigboard-$n
python3 bench/to_gigboard.py --corpus "$corpus" --out "$site" > /dev/null
out=$work/out/gigboard-$n
floor=$work/out/floor-$n
rm -rf "$out" "$floor"
sleep "${SETTLE:-31}"

/usr/bin/time -f "%e %U %S %M" -o "$work/time.txt" "$bin" build --timings --root "$site" --output "$out" > "$work/floor-build-$n.log" 2>&1
read -r wall user sys rss < "$work/time.txt"
files=$(find "$out" -type f | wc -l)
bytes=$(du -sb "$out" | cut -f1)
echo "build: ${wall} s wall, ${user} s user + ${sys} s system, $((rss / 1024)) MiB; ${files} files, $((bytes / 1000000)) MB"
grep -E '^ *(load|render|write|total)' "$work/floor-build-$n.log" || true

python3 bench/io_floor.py manifest "$out" "$work/manifest-$n.txt" > /dev/null
rm -rf "$out"
sleep "${SETTLE:-31}"
/usr/bin/time -f "%e %U %S" -o "$work/time.txt" python3 bench/io_floor.py write "$work/manifest-$n.txt" "$floor" > /dev/null
read -r fwall fuser fsys < "$work/time.txt"
rm -rf "$floor"
echo "floor: ${fwall} s wall, ${fuser} s user + ${fsys} s system"
echo "build / floor: $(printf '%.2f' "$(echo "$wall / $fwall" | bc -l)")"
