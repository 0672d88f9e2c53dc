#!/usr/bin/env python3
"""Time from saving a posting file to `gigboard serve` serving the changed page.

Stdlib only.  Builds nothing itself: give it a site (e.g. one made by to_gigboard.py)
and the gigboard binary.

    python3 bench/serve_latency.py --bin target/release/gigboard \
        --site /tmp/gigbench/sites/gigboard-10000 [--edits 20]

It starts `serve` on a free loopback port, waits for the first build, then edits the
title of one posting `--edits` times (each a real file write, as an editor's save)
and polls the posting's page every 5 ms until the new title is served.  Prints the
median and the spread.  The site's files are restored at the end.
"""
import argparse
import glob
import http.client
import os
import re
import socket
import statistics
import subprocess
import sys
import time


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def get(port, path):
    try:
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        c.request("GET", path)
        r = c.getresponse()
        body = r.read().decode("utf-8", "replace")
        c.close()
        return r.status, body
    except OSError:
        return None, ""


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", required=True)
    ap.add_argument("--site", required=True)
    ap.add_argument("--edits", type=int, default=20)
    a = ap.parse_args()
    feeds = sorted(glob.glob(os.path.join(a.site, "content", "jobs", "**", "*.yaml"), recursive=True))
    feed = feeds[len(feeds) // 2]
    original = open(feed, encoding="utf-8").read()
    pid = re.search(r'- id: "([^"]+)"', original).group(1)
    title_line = re.search(r"\n    title: (.*)\n", original).group(0)
    port = free_port()
    log = open(os.path.join(a.site, "serve-bench.log"), "w")
    proc = subprocess.Popen([a.bin, "serve", "--root", a.site, "--port", str(port)], stdout=log, stderr=log)
    page = f"/jobs/{pid}/"
    latencies = []
    try:
        deadline = time.time() + 600
        while get(port, page)[0] != 200:
            if time.time() > deadline or proc.poll() is not None:
                sys.exit("serve did not come up; see serve-bench.log")
            time.sleep(0.1)
        for i in range(a.edits):
            marker = f"编辑{i:03d}号"
            text = original.replace(title_line, f"\n    title: \"{marker}\"\n", 1)
            t0 = time.perf_counter()
            with open(feed, "w", encoding="utf-8") as f:
                f.write(text)
            while True:
                status, body = get(port, page)
                if marker in body:
                    break
                if time.perf_counter() - t0 > 60:
                    sys.exit(f"edit {i} not served after 60 s")
                time.sleep(0.005)
            latencies.append((time.perf_counter() - t0) * 1000)
            time.sleep(0.3)  # let the watcher settle, as between an editor's saves
    finally:
        with open(feed, "w", encoding="utf-8") as f:
            f.write(original)
        proc.terminate()
        proc.wait()
    postings = sum(open(p, encoding="utf-8").read().count("\n  - id:") for p in feeds)
    print(f"postings={postings} edits={len(latencies)} median={statistics.median(latencies):.0f} ms "
          f"min={min(latencies):.0f} ms max={max(latencies):.0f} ms")


if __name__ == "__main__":
    main()
