// The search page as a worker uses it: drives Debian's Chromium with playwright-core
// over a built site (from file://, as from a USB stick) and reports, for each query,
// what the page shows and what it loaded. Called by tests/search.rs (which decides
// what fails) and bench/search.sh (which reports the figures); one JSON report on stdout.
//
//   node tests/browser/search.mjs --node-modules DIR [--chromium PATH] [--throttle N]
//        [--all] SITE_DIR QUERIES.json
//
// QUERIES.json: [{"q": "冷库", "category": "", "county": "", "unit": ""}, …]
// --all       click 显示更多 until every result is shown (the whole list is reported)
// --throttle  slow the CPU N times (DevTools' CPU throttling) for the typing measure
//
// For each query: the page opened with the query in its address (cold: nothing cached);
// the status line, the results' addresses, whether it says a part could not be read, every file the page loaded before its first
// result and after (with its size and gzipped size); then, the parts loaded, the query
// typed again: milliseconds from the keystroke to the first result.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { pathToFileURL, fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const opt = { chromium: '/usr/bin/chromium', throttle: 1, all: false };
const pos = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--node-modules') opt.modules = args[++i];
  else if (args[i] === '--chromium') opt.chromium = args[++i];
  else if (args[i] === '--throttle') opt.throttle = Number(args[++i]);
  else if (args[i] === '--all') opt.all = true;
  else pos.push(args[i]);
}
const [site, queriesFile] = pos;
if (!opt.modules || !site || !queriesFile) {
  console.error('usage: search.mjs --node-modules DIR [--chromium PATH] [--throttle N] [--all] SITE_DIR QUERIES.json');
  process.exit(2);
}
const req = createRequire(path.join(path.resolve(opt.modules), 'package.json'));
const { chromium } = req('playwright-core');
const queries = JSON.parse(fs.readFileSync(queriesFile, 'utf8'));

setTimeout(() => { console.error('search.mjs: timed out'); process.exit(3); }, 20 * 60 * 1000).unref();

const browser = await chromium.launch({
  executablePath: opt.chromium,
  headless: true,
  chromiumSandbox: false,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

// Seen by the page itself: the first result's time, and the parts asked for before it
// (each part is a <script> added to the head).
const watch = () => {
  window.__first = null;
  window.__asked = [];
  window.__before = null;
  new MutationObserver((changes) => {
    // In the order the page made them: a part asked for after the first result is
    // not counted, even when the observer hears of both at once.
    for (const c of changes) {
      for (const n of c.addedNodes) {
        if (n.tagName === 'SCRIPT' && n.src) window.__asked.push(n.src);
        if (n.tagName === 'LI' && c.target.id === 'search-results' && window.__first === null) {
          window.__first = performance.now();
          if (window.__before === null) window.__before = window.__asked.slice();
        }
      }
    }
  }).observe(document, { childList: true, subtree: true });
};
const part = (url) => /\/search\/[rkw]\//.test(url);

const sizes = new Map();
function size(url) {
  if (!sizes.has(url)) {
    const file = fileURLToPath(url.split('?')[0]);
    // A file the page asked for and the site lacks (a test takes one away).
    if (!fs.existsSync(file)) return { bytes: 0, gzip: 0, missing: true };
    const bytes = fs.readFileSync(file);
    sizes.set(url, { bytes: bytes.length, gzip: zlib.gzipSync(bytes, { level: 9 }).length });
  }
  return sizes.get(url);
}

// Settled: the status line says something and no part is still loading.
async function settled(page) {
  await page.waitForFunction(() => {
    const s = document.getElementById('search-status');
    return s && s.textContent !== '' && !document.querySelector('head script[src*="search/"]');
  }, null, { timeout: 60000 });
}

const page0 = pathToFileURL(path.join(path.resolve(site), 'search/index.html')).href;
const report = [];
for (const query of queries) {
  const context = await browser.newContext({
    locale: 'zh-CN', viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true,
  });
  const page = await context.newPage();
  const requested = [];
  page.on('request', (r) => requested.push(r.url()));
  await page.addInitScript(watch);
  const cdp = await context.newCDPSession(page);
  const params = new URLSearchParams();
  for (const k of ['q', 'category', 'county', 'unit']) if (query[k]) params.set(k, query[k]);
  await page.goto(`${page0}?${params}`);
  await settled(page);
  if (opt.all) {
    while (await page.evaluate(() => !document.getElementById('search-more').hidden)) {
      await page.click('#search-more');
      await settled(page);
    }
  }
  const shown = await page.evaluate(() => ({
    status: document.getElementById('search-status').textContent,
    results: [...document.querySelectorAll('#search-results a')].map((a) => a.getAttribute('href')),
    before: window.__before || [],
    broken: !document.getElementById('search-broken').hidden,
  }));
  const files = [...new Set(requested)].filter((u) => u.startsWith('file:')).map((url) => ({
    file: path.relative(path.resolve(site), fileURLToPath(url.split('?')[0])),
    before_first: shown.results.length > 0 && (!part(url) || shown.before.includes(url)),
    ...size(url),
  }));
  // Typed again with the parts loaded, on a CPU slowed --throttle times.
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: opt.throttle });
  const typed = await page.evaluate(async (q) => {
    const input = document.getElementById('q');
    input.value = '';
    input.dispatchEvent(new Event('input'));
    window.__first = null;
    const start = performance.now();
    input.value = q;
    input.dispatchEvent(new Event('input'));
    while (window.__first === null && performance.now() - start < 30000) {
      await new Promise((r) => setTimeout(r, 1));
    }
    return window.__first === null ? null : window.__first - start;
  }, query.q || '');
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  report.push({ query, status: shown.status, results: shown.results, broken: shown.broken, files, typed_ms: query.q ? typed : null });
  await context.close();
}
await browser.close();
console.log(JSON.stringify(report));
