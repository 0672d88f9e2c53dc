// Drives Debian's Chromium with playwright-core over built pages (file:// URLs): runs
// axe-core on each, measures horizontal overflow at phone widths, normal and with
// 大字 (large text) on, and notes JavaScript errors and files that fail to load.
// Called by tests/a11y.rs, which decides what fails; prints one JSON report on stdout.
//
//   node tests/browser/a11y.mjs --node-modules DIR [--chromium /usr/bin/chromium]
//        --now 2026-11-27T09:30:00+08:00 SITE_DIR PAGE...
//
// DIR holds playwright-core and axe-core (node_modules); PAGE is a path under SITE_DIR.
// --now is the pages' clock (what their scripts read as the time: "open now", the kiosk
// clock, expired cards), fixed so that no result depends on the day the test runs.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const opt = { chromium: '/usr/bin/chromium' };
const pos = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--node-modules') opt.modules = args[++i];
  else if (args[i] === '--chromium') opt.chromium = args[++i];
  else if (args[i] === '--now') opt.now = args[++i];
  else pos.push(args[i]);
}
const [site, ...pages] = pos;
if (!opt.modules || !opt.now || !site || pages.length === 0) {
  console.error('usage: a11y.mjs --node-modules DIR [--chromium PATH] --now ISO-TIME SITE_DIR PAGE...');
  process.exit(2);
}
const req = createRequire(path.join(path.resolve(opt.modules), 'package.json'));
const { chromium } = req('playwright-core');
const axeSource = fs.readFileSync(req.resolve('axe-core/axe.min.js'), 'utf8');
const axeVersion = req('axe-core/package.json').version;

// Never hang a test run.
setTimeout(() => { console.error('a11y.mjs: timed out'); process.exit(3); }, 15 * 60 * 1000).unref();

const browser = await chromium.launch({
  executablePath: opt.chromium,
  headless: true,
  chromiumSandbox: false,
  env: { ...process.env, LANG: 'zh_CN.UTF-8', LANGUAGE: 'zh_CN' },
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const report = { axe: axeVersion, browser: browser.version(), pages: [] };
try {
  for (const rel of pages) {
    const file = path.resolve(site, rel);
    const url = pathToFileURL(file).href;
    const context = await browser.newContext({
      locale: 'zh-CN', viewport: { width: 360, height: 800 }, deviceScaleFactor: 1,
      isMobile: true, hasTouch: true, bypassCSP: true,
    });
    await context.clock.setFixedTime(new Date(opt.now));
    const page = await context.newPage();
    const entry = { page: rel, errors: [], failed: [], overflow: {}, violations: [] };
    page.on('pageerror', (e) => entry.errors.push(String(e.message)));
    // Only the page's own loading counts: axe re-reads stylesheets itself, which fails
    // on file:// (CORS) and is no fault of the page.
    let loading = true;
    page.on('requestfailed', (r) => { if (loading) entry.failed.push(`${r.url()} (${r.failure()?.errorText})`); });
    await page.goto(url, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready.then(() => true));
    loading = false;
    const width = () => page.evaluate(() => {
      const d = document.documentElement;
      return [d.scrollWidth, d.clientWidth];
    });
    entry.overflow['360'] = await width();
    const t0 = Date.now();
    await page.addScriptTag({ content: axeSource });
    const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
    entry.axe_ms = Date.now() - t0;
    entry.violations = result.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target.join(' '), html: n.html.slice(0, 200) })),
    }));
    await page.setViewportSize({ width: 320, height: 800 });
    entry.overflow['320'] = await width();
    // 大字: tick the header's checkbox as a reader would (it works without the script too).
    const toggle = await page.$('#large-text');
    if (toggle) {
      await page.setViewportSize({ width: 360, height: 800 });
      await page.click('label[for="large-text"]');
      entry.large = await page.evaluate(() => ({
        checked: document.getElementById('large-text').checked,
        fontSize: getComputedStyle(document.documentElement).fontSize,
        stored: localStorage.getItem('gigboard-large'),
      }));
      entry.overflow['360-large'] = await width();
      await page.setViewportSize({ width: 320, height: 800 });
      entry.overflow['320-large'] = await width();
    }
    report.pages.push(entry);
    await context.close();
  }
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(report, null, 1) + '\n');
