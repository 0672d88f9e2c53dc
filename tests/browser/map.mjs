// The region map (/map/) in Debian's Chromium, driven by playwright-core at several
// screen widths: the boxes of the markers, touch targets and league names that are
// drawn, whether the page scrolls sideways, what choosing a group shows and, at 360 px,
// what axe-core finds.
// Called by tests/map.rs, which decides what fails; prints one JSON report on stdout.
//
//   node tests/browser/map.mjs --node-modules DIR [--chromium PATH]
//        --now 2026-11-27T09:30:00+08:00 SITE_DIR PAGE WIDTH...
//
// A width under 640 is a phone (touch, mobile viewport). --now is the page's clock.
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
const [site, rel, ...widths] = pos;
if (!opt.modules || !opt.now || !site || !rel || widths.length === 0) {
  console.error('usage: map.mjs --node-modules DIR [--chromium PATH] --now ISO-TIME SITE_DIR PAGE WIDTH...');
  process.exit(2);
}
const req = createRequire(path.join(path.resolve(opt.modules), 'package.json'));
const { chromium } = req('playwright-core');
const axeSource = fs.readFileSync(req.resolve('axe-core/axe.min.js'), 'utf8');

setTimeout(() => { console.error('map.mjs: timed out'); process.exit(3); }, 10 * 60 * 1000).unref();

const browser = await chromium.launch({
  executablePath: opt.chromium,
  headless: true,
  chromiumSandbox: false,
  env: { ...process.env, LANG: 'zh_CN.UTF-8', LANGUAGE: 'zh_CN' },
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const report = { widths: [] };
try {
  for (const w of widths.map(Number)) {
    const phone = w < 640;
    const context = await browser.newContext({
      locale: 'zh-CN', viewport: { width: w, height: 800 }, deviceScaleFactor: 1,
      isMobile: phone, hasTouch: phone, bypassCSP: true,
    });
    await context.clock.setFixedTime(new Date(opt.now));
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e.message)));
    await page.goto(pathToFileURL(path.resolve(site, rel)).href, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready.then(() => true));
    const entry = await page.evaluate(() => {
      const box = (e) => {
        const r = e.getBoundingClientRect();
        return [r.left, r.top, r.right, r.bottom];
      };
      const shown = (e) => e.getClientRects().length > 0;
      const map = document.querySelector('svg.region-map');
      const markers = [...map.querySelectorAll('a.mk')].filter(shown).map((a) => ({
        class: a.getAttribute('class'),
        market: a.getAttribute('data-market'),
        markets: a.getAttribute('data-markets'),
        href: a.getAttribute('href'),
        plate: box(a.querySelector('.plate')),
        hit: box(a.querySelector('.hit')),
      }));
      const labels = [...map.querySelectorAll('.labels text')].filter(shown)
        .map((t) => ({ name: t.textContent, box: box(t) }));
      const d = document.documentElement;
      return { map: box(map), markers, labels, scroll: [d.scrollWidth, d.clientWidth] };
    });
    // Choose the first group on the map, as a finger would: its list comes into view,
    // its first market's link on top (nothing, such as the map, drawn over it).
    const group = await page.$$eval('svg.region-map a.mk-group', (gs) => gs.findIndex((g) => g.getClientRects().length > 0));
    if (group >= 0) {
      await page.locator('svg.region-map a.mk-group').nth(group).click();
      await page.waitForFunction(() => location.hash.startsWith('#mg-'));
      entry.group = await page.evaluate(() => {
        const link = document.querySelector(`${location.hash} a.dir-name`);
        const r = link.getBoundingClientRect();
        const top = document.elementFromPoint(r.left + 4, r.top + r.height / 2);
        return { hash: location.hash, in_view: r.top >= 0 && r.bottom <= innerHeight, on_top: link.contains(top) };
      });
    }
    entry.width = w;
    entry.errors = errors;
    if (w === 360) {
      await page.addScriptTag({ content: axeSource });
      const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
      entry.violations = result.violations.map((v) => ({
        id: v.id, impact: v.impact, help: v.help,
        nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
      }));
    }
    report.widths.push(entry);
    await context.close();
  }
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(report) + '\n');
