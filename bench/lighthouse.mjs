// Lighthouse (mobile, simulated slow 4G and a 4× slower CPU: its default) on one page of
// a built site, served gzipped as a host serves it. Prints the performance score and the
// timings as one Markdown row.
//
//   node bench/lighthouse.mjs [--at '2025-12-30 09:00:00'] SITE_DIR PAGE_PATH_AND_QUERY
//
// Needs `npm install --prefix target/bench-tools lighthouse@12` and Chromium
// (CHROME_PATH, default /usr/bin/chromium); for --at, faketime.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { pathToFileURL } from 'node:url';

// --at TIME: the browser's clock (libfaketime), the built site's day, so that its pages
// do not announce that they are out of date (a bench corpus is pinned to its own day).
const args = process.argv.slice(2);
const at = args[0] === '--at' ? args.splice(0, 2)[1] : null;
const [site, page] = args;
if (!site || !page) {
  console.error('usage: lighthouse.mjs SITE_DIR PAGE_PATH_AND_QUERY');
  process.exit(2);
}
const tools = process.env.BENCH_TOOLS || path.resolve('target/bench-tools/node_modules');
const req = createRequire(path.join(tools, 'package.json'));
const lighthouse = (await import(pathToFileURL(req.resolve('lighthouse')).href)).default;
const launcher = await import(pathToFileURL(req.resolve('chrome-launcher')).href);

const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css',
  '.svg': 'image/svg+xml', '.json': 'application/json', '.woff2': 'font/woff2', '.png': 'image/png' };
const server = http.createServer((q, res) => {
  let file = path.join(site, decodeURIComponent(new URL(q.url, 'http://x').pathname));
  if (file.endsWith('/')) file += 'index.html';
  fs.readFile(file, (err, body) => {
    if (err) { res.writeHead(404); return res.end(); }
    const type = types[path.extname(file)] || 'application/octet-stream';
    const packed = /^(text|application\/json|image\/svg)/.test(type) ? zlib.gzipSync(body) : null;
    res.writeHead(200, { 'content-type': type, ...(packed ? { 'content-encoding': 'gzip' } : {}) });
    res.end(packed || body);
  });
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const url = `http://127.0.0.1:${server.address().port}/${page}`;
let chromePath = process.env.CHROME_PATH || '/usr/bin/chromium';
if (at) {
  const wrapper = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lh-')), 'chromium');
  fs.writeFileSync(wrapper, `#!/bin/sh\nexec faketime -f "@${at}" ${chromePath} "$@"\n`, { mode: 0o755 });
  chromePath = wrapper;
}
const chrome = await launcher.launch({
  chromePath,
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
try {
  const result = await lighthouse(url, { port: chrome.port, output: 'json', onlyCategories: ['performance'] });
  const a = result.lhr.audits;
  if (process.env.LH_DEBUG) console.error(JSON.stringify((a['layout-shifts'] || a['layout-shift-elements'] || {}).details, null, 1).slice(0, 3000));
  const ms = (k) => (a[k] && a[k].numericValue != null ? `${(a[k].numericValue / 1000).toFixed(1)} s` : '—');
  console.log('| page | performance | first contentful paint | largest contentful paint | total blocking time | layout shift | speed index | time to interactive |');
  console.log('|---|---|---|---|---|---|---|---|');
  console.log(`| ${page} | ${Math.round(result.lhr.categories.performance.score * 100)} | ${ms('first-contentful-paint')} | ` +
    `${ms('largest-contentful-paint')} | ${a['total-blocking-time'] ? Math.round(a['total-blocking-time'].numericValue) + ' ms' : '—'} | ${a['cumulative-layout-shift'].numericValue.toFixed(3)} | ${ms('speed-index')} | ${ms('interactive')} |`);
} finally {
  await chrome.kill();
  server.close();
}
