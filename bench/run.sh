#!/usr/bin/env bash
# Build the canonical corpus at several sizes with gigboard (and Hugo, when installed)
# and report wall time, CPU time, peak memory, files and bytes written.
#
#   bench/run.sh                 # N = 1000 10000 50000 100000
#   bench/run.sh 1000 10000      # chosen sizes
#   RUNS=3 bench/run.sh 10000    # median of 3 runs
#   NO_HUGO=1 bench/run.sh 100000  # gigboard only
#   NO_FLOOR=1 bench/run.sh      # without the I/O floor row
#
# Rows: gigboard's build; "floor", the same files and sizes written with no other work
# (../shared/bench/io_floor.py, copied here as bench/io_floor.py: what any generator pays
# for this tree on this disk); Hugo's build of the same corpus.
# "check s": a first `gigboard check`, then the check after one feed was edited (it reads
# only what changed since the last check).
#
# Needs: python3, GNU time (/usr/bin/time, Debian package `time`), a release build
# (`cargo build --release`; this script runs it). Hugo: `apt-get install hugo`.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000 50000 100000)
runs=${RUNS:-1}
work=${BENCH_DIR:-/tmp/gigbench}
mkdir -p "$work"
[ -x /usr/bin/time ] || { echo "needs GNU time: apt-get install time" >&2; exit 2; }
cargo build --release --quiet
bin=$PWD/target/release/gigboard

# measure NAME CMD...: prints "wall cpu rss_mib" of the median run (by wall time).
measure() {
  local name=$1; shift
  local rows=()
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %U %S %M" -o "$work/time.txt" "$@" > /dev/null 2> "$work/$name.log" || { cat "$work/$name.log" >&2; exit 1; }
    read -r wall user sys rss < "$work/time.txt"
    # gigboard deletes the previous output in the background after swapping the new one
    # in: let that finish before anything else is measured.
    while compgen -G "$work/out/.*.old-*" > /dev/null; do sleep 0.2; done
    rows+=("$wall $(echo "$user + $sys" | bc) $((rss / 1024))")
  done
  printf '%s\n' "${rows[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p"
}

tree_size() { echo "$(find "$1" -type f | wc -l) $(du -sb "$1" | cut -f1)"; }

printf '| N | tool | wall s | CPU s | peak MiB | files | MB written | pages/s | check s (first / after an edit) |\n|---|---|---|---|---|---|---|---|---|\n'
for n in "${sizes[@]}"; do
  corpus=$work/corpus-$n.jsonl
  [ -f "$corpus" ] || python3 bench/gen_corpus.py --postings "$n" --markets 103 --seed 1 --out "$corpus" > /dev/null
  site=$work/sites/gigboard-$n
  python3 bench/to_gigboard.py --corpus "$corpus" --out "$site" > /dev/null
  out=$work/out/gigboard-$n
  read -r wall cpu rss < <(measure gigboard-$n "$bin" build --root "$site" --output "$out")
  rm -rf "$site/.gigboard"
  /usr/bin/time -f "%e" -o "$work/check.txt" "$bin" check --root "$site" > /dev/null 2>&1 || true
  check_first=$(tail -1 "$work/check.txt")
  edited=$(find "$site/content/jobs" -name '*.yaml' | sort | sed -n 1p)
  printf '# edited\n' >> "$edited"
  /usr/bin/time -f "%e" -o "$work/check.txt" "$bin" check --root "$site" > /dev/null 2>&1 || true
  check_again=$(tail -1 "$work/check.txt")
  read -r files bytes < <(tree_size "$out")
  pages=$(find "$out" -name '*.html' | wc -l)
  printf '| %s | gigboard | %s | %s | %s | %s | %.1f | %.0f | %s / %s |\n' "$n" "$wall" "$cpu" "$rss" "$files" "$(echo "$bytes / 1000000" | bc -l)" "$(echo "$pages / $wall" | bc -l)" "$check_first" "$check_again"
  if [ -z "${NO_FLOOR:-}" ]; then
    python3 bench/io_floor.py manifest "$out" "$work/manifest-$n.txt" > /dev/null
    floor=$work/out/floor-$n
    rm -rf "$floor".*
    # Each run writes a new tree (io_floor.py refuses an existing folder).
    read -r wall cpu rss < <(measure floor-$n bash -c 'exec python3 bench/io_floor.py write "$1" "$(mktemp -u "$2.XXXXXX")"' _ "$work/manifest-$n.txt" "$floor")
    printf '| %s | floor | %s | %s | — | %s | %.1f | — | — |\n' "$n" "$wall" "$cpu" "$files" "$(echo "$bytes / 1000000" | bc -l)"
    rm -rf "$floor".*
  fi
  if [ -z "${NO_HUGO:-}" ] && command -v hugo > /dev/null; then
    hsite=$work/sites/hugo-$n
    python3 bench/to_hugo.py --corpus "$corpus" --out "$hsite" > /dev/null
    hout=$work/out/hugo-$n
    rm -rf "$hout"
    read -r wall cpu rss < <(measure hugo-$n hugo --source "$hsite" --destination "$hout" --quiet)
    read -r files bytes < <(tree_size "$hout")
    pages=$(find "$hout" -name '*.html' | wc -l)
    printf '| %s | hugo | %s | %s | %s | %s | %.1f | %.0f | — |\n' "$n" "$wall" "$cpu" "$rss" "$files" "$(echo "$bytes / 1000000" | bc -l)" "$(echo "$pages / $wall" | bc -l)"
  fi
done
