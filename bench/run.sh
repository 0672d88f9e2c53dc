#!/usr/bin/env bash
# Build the canonical corpus at several sizes with gigboard (and Hugo, when installed)
# and report wall time, CPU time, peak memory, files and bytes written.
#
#   bench/run.sh                 # N = 1000 10000 50000 100000
#   bench/run.sh 1000 10000      # chosen sizes
#   RUNS=3 bench/run.sh 10000    # median of 3 runs (the tools take turns)
#   NO_HUGO=1 bench/run.sh 100000  # without Hugo
#   NO_ZOLA=1 bench/run.sh       # without Zola
#   NO_FLOOR=1 bench/run.sh      # without the I/O floor row
#   SETTLE=0 bench/run.sh        # do not wait after deleting the last run's trees
#
# Rows, for each N:
# - "gigboard, empty folder": the first build of a site (no earlier output), each run into
#   a new folder, as the floor's;
# - "gigboard, rebuild": a build that replaces an earlier one, as every build after the
#   first does (it is written into the output before last, kept as the spare);
# - "floor": the same files and sizes written into an empty folder with no other work
#   (../shared/bench/io_floor.py, copied as bench/io_floor.py): what any generator pays
#   for this tree on this disk;
# - "hugo": Hugo's build of the same corpus into an empty folder;
# - "zola": Zola's build of the same corpus (bench/to_zola.py). Zola is `$ZOLA`, else `zola`
#   on PATH, else the one bench/get-zola.sh installed under BENCH_DIR (run it once).
# "check s": a first `gigboard check`, then the check after one feed was edited (it reads
# only what changed since the last check).
#
# Before each N the trees of the last run are deleted and the script waits SETTLE
# seconds (default 31): ext4 without a journal skips inodes freed in the last 30 s when
# it makes new files, which makes any file creation right after a big deletion several
# times slower (seen in `perf` as recently_deleted); every row starts from the same state.
#
# Disk: each run writes two new trees (the floor's and the empty-folder build's), kept
# until the size is done: 2 × RUNS + 3 trees of the site at once (1.2 GB each at 50,000).
#
# Needs: python3, GNU time (/usr/bin/time, Debian package `time`), a release build
# (`cargo build --release`; this script runs it). Hugo: `apt-get install hugo`.
# Zola: `bench/get-zola.sh` (Zola 0.22 from npm, run as a Node addon: its peak memory
# includes Node's, about 45 MiB).
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
zola=${ZOLA:-$(command -v zola || true)}
[ -n "$zola" ] || [ ! -x "$work/zola/zola" ] || zola=$work/zola/zola

# measure NAME CMD...: runs CMD once and prints "wall cpu rss_mib" (medians: `median`).
# What the last tool wrote is flushed to disk first (`sync`), so that no tool pays for
# the writing of the one before it. As root, the kernel's caches are then dropped and
# the folders in `warm` (the tool's site and the output it replaces) read back: each
# tool starts with its own files in memory and none of the others'. On this VM the
# cached inode tables of the trees written before made every file created after them
# slower (perf: ext4's recently_deleted → find_get_block_common, once per new file): a
# 10,000-posting build into an empty folder took 3.5 s with 4.5 s of system time after
# an hour of benchmarks, and 1.7 s once the caches were dropped.
warm=()
measure() {
  local name=$1; shift
  sync
  if [ -w /proc/sys/vm/drop_caches ]; then
    echo 3 > /proc/sys/vm/drop_caches
    [ ${#warm[@]} -eq 0 ] || find "${warm[@]}" -type f -print0 2> /dev/null | xargs -0 -r cat > /dev/null || true
  fi
  /usr/bin/time -f "%e %U %S %M" -o "$work/time.txt" "$@" > /dev/null 2> "$work/$name.log" || { cat "$work/$name.log" >&2; exit 1; }
  read -r wall user sys rss < "$work/time.txt"
  # An old output that could not become the spare is deleted in the background: let
  # that finish before anything else is measured.
  while compgen -G "$work/out/.*.old-*" > /dev/null; do sleep 0.2; done
  echo "$wall $(echo "$user + $sys" | bc) $((rss / 1024))"
}

# median ROW...: the row ("wall cpu rss") of median wall time.
median() { printf '%s\n' "$@" | sort -n | sed -n "$(( ($# + 1) / 2 ))p"; }

tree_size() { echo "$(find "$1" -type f | wc -l) $(du -sb "$1" | cut -f1)"; }
mb() { printf '%.1f' "$(echo "$1 / 1000000" | bc -l)"; }
rate() { printf '%.0f' "$(echo "$1 / $2" | bc -l)"; }

printf '| N | tool | wall s | CPU s | peak MiB | files | MB written | pages/s | check s (first / after an edit) |\n|---|---|---|---|---|---|---|---|---|\n'
for n in "${sizes[@]}"; do
  corpus=$work/corpus-$n.jsonl
  [ -f "$corpus" ] || python3 bench/gen_corpus.py --postings "$n" --markets 103 --seed 1 --out "$corpus" > /dev/null
  site=$work/sites/gigboard-$n
  python3 bench/to_gigboard.py --corpus "$corpus" --out "$site" > /dev/null
  out=$work/out/gigboard-$n
  hout=$work/out/hugo-$n
  zout=$work/out/zola-$n
  floor=$work/out/floor-$n
  mkdir -p "$work/out"
  rm -rf "$out" "$work/out/.gigboard-$n".* "$work/out/empty-$n".* "$hout" "$zout" "$floor".*
  sleep "${SETTLE:-31}"

  hugo_on=; zola_on=
  if [ -z "${NO_HUGO:-}" ] && command -v hugo > /dev/null; then
    hugo_on=1
    hsite=$work/sites/hugo-$n
    python3 bench/to_hugo.py --corpus "$corpus" --out "$hsite" > /dev/null
  fi
  if [ -z "${NO_ZOLA:-}" ] && [ -n "$zola" ]; then
    zola_on=1
    zsite=$work/sites/zola-$n
    python3 bench/to_zola.py --corpus "$corpus" --out "$zsite" > /dev/null
  fi

  # The first build and a second one (the first output becomes the spare): the measured
  # rebuilds are each written into the spare.
  "$bin" build --root "$site" --output "$out" > /dev/null 2>&1
  "$bin" build --root "$site" --output "$out" > /dev/null 2>&1
  read -r files bytes < <(tree_size "$out")
  pages=$(find "$out" -name '*.html' | wc -l)
  [ -n "${NO_FLOOR:-}" ] || python3 bench/io_floor.py manifest "$out" "$work/manifest-$n.txt" > /dev/null

  # With RUNS > 1 the tools take turns (gigboard, floor, Hugo, Zola, then again), so a
  # machine that slows down or speeds up for a minute weighs on all of them alike.
  e_rows=(); g_rows=(); f_rows=(); h_rows=(); z_rows=()
  for _ in $(seq "$runs"); do
    # Into an empty folder, a new one each run (as the floor's): a site's first build.
    warm=("$site")
    e_rows+=("$(measure gigboard-$n "$bin" build --root "$site" --output "$(mktemp -u "$work/out/empty-$n.XXXXXX")")")
    warm=("$site" "$out" "$work/out/.gigboard-$n.spare")
    g_rows+=("$(measure gigboard-$n "$bin" build --root "$site" --output "$out")")
    # Each floor run writes a new tree (io_floor.py refuses an existing folder).
    warm=("$work/manifest-$n.txt")
    [ -n "${NO_FLOOR:-}" ] || f_rows+=("$(measure floor-$n bash -c 'exec python3 bench/io_floor.py write "$1" "$(mktemp -u "$2.XXXXXX")"' _ "$work/manifest-$n.txt" "$floor")")
    warm=("${hsite:-}" "$hout")
    [ -z "$hugo_on" ] || h_rows+=("$(measure hugo-$n hugo --source "$hsite" --destination "$hout" --quiet)")
    warm=("${zsite:-}" "$zout")
    [ -z "$zola_on" ] || z_rows+=("$(measure zola-$n "$zola" --root "$zsite" build --output-dir "$zout" --force)")
  done
  read -r wall cpu rss < <(median "${e_rows[@]}")
  printf '| %s | gigboard, empty folder | %s | %s | %s | %s | %s | %s | |\n' "$n" "$wall" "$cpu" "$rss" "$files" "$(mb "$bytes")" "$(rate "$pages" "$wall")"
  read -r wall cpu rss < <(median "${g_rows[@]}")

  # `check` keeps what it remembers in the cache folder: the bench's own, emptied first.
  # The site is read once before, as the builds had it in memory.
  export XDG_CACHE_HOME=$work/cache
  rm -rf "$XDG_CACHE_HOME/gigboard"
  find "$site" -type f -print0 | xargs -0 -r cat > /dev/null
  /usr/bin/time -f "%e" -o "$work/check.txt" "$bin" check --root "$site" > /dev/null 2>&1 || true
  check_first=$(tail -1 "$work/check.txt")
  edited=$(find "$site/content/jobs" -name '*.yaml' | sort | sed -n 1p)
  printf '# edited\n' >> "$edited"
  /usr/bin/time -f "%e" -o "$work/check.txt" "$bin" check --root "$site" > /dev/null 2>&1 || true
  check_again=$(tail -1 "$work/check.txt")
  printf '| %s | gigboard, rebuild | %s | %s | %s | %s | %s | %s | %s / %s |\n' "$n" "$wall" "$cpu" "$rss" "$files" "$(mb "$bytes")" "$(rate "$pages" "$wall")" "$check_first" "$check_again"

  if [ -z "${NO_FLOOR:-}" ]; then
    read -r wall cpu rss < <(median "${f_rows[@]}")
    printf '| %s | floor | %s | %s | — | %s | %s | — | — |\n' "$n" "$wall" "$cpu" "$files" "$(mb "$bytes")"
  fi
  if [ -n "$hugo_on" ]; then
    read -r wall cpu rss < <(median "${h_rows[@]}")
    read -r files bytes < <(tree_size "$hout")
    pages=$(find "$hout" -name '*.html' | wc -l)
    printf '| %s | hugo | %s | %s | %s | %s | %s | %s | — |\n' "$n" "$wall" "$cpu" "$rss" "$files" "$(mb "$bytes")" "$(rate "$pages" "$wall")"
  fi
  if [ -n "$zola_on" ]; then
    read -r wall cpu rss < <(median "${z_rows[@]}")
    read -r files bytes < <(tree_size "$zout")
    pages=$(find "$zout" -name '*.html' | wc -l)
    printf '| %s | zola | %s | %s | %s | %s | %s | %s | — |\n' "$n" "$wall" "$cpu" "$rss" "$files" "$(mb "$bytes")" "$(rate "$pages" "$wall")"
  fi
  # The trees made one per run (2 × RUNS of them: 12 GB at 50,000 postings with RUNS=5).
  rm -rf "$work/out/empty-$n".* "$floor".*
done
