// A worker's phone: drives Debian's Chromium with playwright-core at 360 × 640 (touch,
// mobile) over a built site and reports what a person would see. Called by
// tests/phone.rs, which decides what fails; prints one JSON report on stdout.
//
//   node tests/browser/phone.mjs --node-modules DIR [--chromium PATH]
//        --now 2026-11-27T06:00:00+08:00 SITE_DIR SCENARIO ARG...
//
// --now is the pages' clock (fixed: no result depends on the day the test runs).
// Scenarios:
//   first-screen PAGE      where main and the first job card start, normal and 大字;
//                          the page's length; whether the menu is folded and unfolds
//   county PAGE CODE       choose a county on the home page, then open the page again
//   stale PAGE...          what each page shows when opened on --now's day
//   served PATH...         each path from a pretend server of SITE_DIR at http://gig.test/
//                          (a missing file answers 404 with /404.html, as hosts do)
//   shot PAGE OUT.png      the whole page at 800 px, twice the pixels (for zbarimg)
//   directions PAGE        the 导航 buttons: address, text and size of each
//   status PAGE            the status report's tables at 360 px: where the totals and the
//                          first county are, and how wide its cells are
//   screen PAGE W H OUT.png  the page on a W × H screen: a screenshot, and the box of
//                          its QR code (.k-qr svg)
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
const [site, scenario, ...rest] = pos;
if (!opt.modules || !opt.now || !site || !scenario) {
  console.error('usage: phone.mjs --node-modules DIR [--chromium PATH] --now ISO-TIME SITE_DIR SCENARIO ARG...');
  process.exit(2);
}
const req = createRequire(path.join(path.resolve(opt.modules), 'package.json'));
const { chromium } = req('playwright-core');

setTimeout(() => { console.error('phone.mjs: timed out'); process.exit(3); }, 10 * 60 * 1000).unref();

const browser = await chromium.launch({
  executablePath: opt.chromium,
  headless: true,
  chromiumSandbox: false,
  env: { ...process.env, LANG: 'zh_CN.UTF-8', LANGUAGE: 'zh_CN' },
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

async function phone(init) {
  const context = await browser.newContext({
    locale: 'zh-CN', viewport: { width: 360, height: 640 }, deviceScaleFactor: 1,
    isMobile: true, hasTouch: true,
  });
  await context.clock.setFixedTime(new Date(opt.now));
  if (init) await context.addInitScript(init);
  return context;
}

const url = (rel) => pathToFileURL(path.resolve(site, rel)).href;

async function open(context, target) {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e.message)));
  await page.goto(target, { waitUntil: 'load' });
  return { page, errors };
}

// Where things are on the first screen (640 px tall), in CSS pixels from the top.
async function firstScreen(rel, large) {
  const context = await phone(large ? () => localStorage.setItem('gigboard-large', '1') : null);
  const { page, errors } = await open(context, url(rel));
  const where = () => page.evaluate(() => {
    const visible = (e) => !!e && e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';
    const card = [...document.querySelectorAll('main .card')].find(visible);
    const box = card && card.getBoundingClientRect();
    const title = card && card.querySelector('h2, h3').getBoundingClientRect();
    const d = document.documentElement;
    return {
      main_top: Math.round(document.querySelector('main').getBoundingClientRect().top),
      card_top: box ? Math.round(box.top) : null,
      card_title_bottom: title ? Math.round(title.bottom) : null,
      length: d.scrollHeight,
      width: [d.scrollWidth, d.clientWidth],
      nav_shown: visible(document.querySelector('.main-nav')),
      languages_shown: visible(document.querySelector('.lang-switch')),
      large: d.classList.contains('large'),
    };
  });
  const before = await where();
  let after = null;
  const toggle = page.locator('label[for="menu-open"]');
  if (await toggle.isVisible()) {
    await toggle.click();
    after = await where();
  }
  await context.close();
  return { ...before, after_menu: after, errors };
}

async function county(rel, code) {
  const context = await phone();
  const { page, errors } = await open(context, url(rel));
  const report = { errors };
  const board = page.locator('[data-county-board]');
  report.board_before = await board.isVisible();
  await page.locator('.county-chooser summary').click();
  await page.locator(`[data-county="${code}"]`).click();
  await board.waitFor({ state: 'visible', timeout: 10000 });
  const read = () => page.evaluate(() => {
    const b = document.querySelector('[data-county-board]');
    const quick = document.querySelector('.quick-hires');
    return {
      url: location.href,
      heading: b.querySelector('h2').textContent,
      cards: [...b.querySelectorAll('.card h3 a')].map((a) => a.getAttribute('href')),
      all_link: b.querySelector('.more a')?.getAttribute('href') ?? null,
      board_top: Math.round(b.getBoundingClientRect().top + scrollY),
      quick_top: quick ? Math.round(quick.getBoundingClientRect().top + scrollY) : null,
      summary: document.querySelector('.county-chooser summary').textContent,
    };
  });
  report.chosen = await read();
  // The board as chosen, with the menu unfolded, as axe-core sees it.
  await page.locator('label[for="menu-open"]').click();
  await page.addScriptTag({ path: req.resolve('axe-core/axe.min.js') });
  report.axe = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] })
    .then((r) => r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)));
  // Opened again later on the same phone: the choice is remembered.
  await page.goto(url(rel), { waitUntil: 'load' });
  await board.waitFor({ state: 'visible', timeout: 10000 });
  report.again = await read();
  await context.close();
  return report;
}

async function stale(rels) {
  const out = {};
  for (const rel of rels) {
    const context = await phone();
    const { page, errors } = await open(context, url(rel));
    await page.waitForTimeout(200);
    out[rel] = await page.evaluate(() => {
      const visible = (e) => !!e && e.getClientRects().length > 0;
      const box = document.querySelector('main .stale');
      return {
        notice: visible(box) ? box.querySelector('p:not(.stale-posting)').textContent : null,
        posting_ended: box && box.querySelector('.stale-posting') ? box.querySelector('.stale-posting').textContent : null,
        hidden_note: box && visible(box.querySelector('.stale-count')) ? box.querySelector('.stale-count').textContent : null,
        header_marked: !!document.querySelector('.today.is-stale'),
        as_of_text: visible(document.querySelector('.today time'))
          ? document.querySelector('.today time').textContent : null,
        cards_shown: [...document.querySelectorAll('[data-expires]')].filter(visible).map((c) => c.getAttribute('data-expires')),
        cards_hidden: [...document.querySelectorAll('[data-expires]')].filter((c) => !visible(c)).length,
        today_hours: document.querySelector('[data-market-hours] strong')?.textContent ?? null,
        today_rows: [...document.querySelectorAll('.hours tr.is-today time')].map((t) => t.getAttribute('datetime')),
        kiosk_stale: visible(document.querySelector('[data-kiosk-stale]'))
          ? document.querySelector('[data-kiosk-stale]').textContent : null,
        kiosk_cards_shown: [...document.querySelectorAll('.k-card')].filter(visible).length,
      };
    });
    out[rel].errors = errors;
    await context.close();
  }
  return out;
}

// A host serving SITE_DIR: files as they are, anything else 404 with /404.html.
async function served(paths) {
  const types = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript',
    '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2', '.json': 'application/json' };
  const out = {};
  for (const p of paths) {
    const context = await phone();
    await context.route('http://gig.test/**', async (route) => {
      let rel = decodeURIComponent(new URL(route.request().url()).pathname).replace(/^\//, '');
      if (rel === '' || rel.endsWith('/')) rel += 'index.html';
      const file = path.resolve(site, rel);
      if (file.startsWith(path.resolve(site)) && fs.existsSync(file) && fs.statSync(file).isFile()) {
        await route.fulfill({ status: 200, body: fs.readFileSync(file),
          contentType: types[path.extname(file)] || 'application/octet-stream' });
      } else {
        await route.fulfill({ status: 404, body: fs.readFileSync(path.join(site, '404.html')),
          contentType: types['.html'] });
      }
    });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e.message)));
    const response = await page.goto(`http://gig.test/${p}`, { waitUntil: 'load' });
    out[p] = await page.evaluate(() => {
      const gone = document.querySelector('[data-gone-markets]');
      const link = gone && !gone.hidden ? gone.querySelector('a') : null;
      return {
        h1: document.querySelector('h1')?.textContent ?? null,
        closed: document.querySelector('.closed-state')?.textContent ?? null,
        gone: gone && !gone.hidden ? gone.textContent : null,
        gone_link: link ? link.href : null,
        home_link: [...document.querySelectorAll('main a.button')].pop()?.href ?? null,
        styled: getComputedStyle(document.querySelector('.site-header')).backgroundColor,
      };
    });
    out[p].status = response.status();
    out[p].errors = errors;
    await context.close();
  }
  return out;
}

let report;
try {
  if (scenario === 'first-screen') {
    report = { normal: await firstScreen(rest[0], false), large: await firstScreen(rest[0], true) };
  } else if (scenario === 'county') {
    report = await county(rest[0], rest[1]);
  } else if (scenario === 'stale') {
    report = await stale(rest);
  } else if (scenario === 'directions') {
    const context = await phone();
    const { page, errors } = await open(context, url(rest[0]));
    const links = await page.evaluate(() => [...document.querySelectorAll('main .directions a')].map((a) => {
      const r = a.getBoundingClientRect();
      return { href: a.href, text: a.textContent.trim(), width: Math.round(r.width), height: Math.round(r.height),
        inside: r.left >= 0 && r.right <= document.documentElement.clientWidth };
    }));
    await context.close();
    report = { links, errors };
  } else if (scenario === 'status') {
    const context = await phone();
    const { page, errors } = await open(context, url(rest[0]));
    report = await page.evaluate(() => [...document.querySelectorAll('.status-league .status-table')].map((t) => {
      const foot = t.querySelector('tfoot tr').getBoundingClientRect();
      const row = t.querySelector('tbody tr');
      const box = row.getBoundingClientRect();
      const cells = [...row.querySelectorAll('td')].map((c) => {
        const r = c.getBoundingClientRect();
        return { width: Math.round(r.width), label: getComputedStyle(c, '::before').content };
      });
      return { totals_top: Math.round(foot.top), first_top: Math.round(box.top), cells };
    }));
    report = { tables: report, width: await page.evaluate(() => [document.documentElement.scrollWidth, innerWidth]), errors };
    await context.close();
  } else if (scenario === 'screen') {
    const [rel, w, h, out] = rest;
    const context = await browser.newContext({ viewport: { width: +w, height: +h }, deviceScaleFactor: 1, locale: 'zh-CN' });
    await context.clock.setFixedTime(new Date(opt.now));
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e.message)));
    await page.goto(url(rel), { waitUntil: 'load' });
    await page.waitForTimeout(300);
    await page.screenshot({ path: out });
    const qr = await page.evaluate(() => {
      const el = document.querySelector('.k-qr svg');
      if (!el) return null;
      const r = el.getBoundingClientRect();
      return { width: Math.round(r.width), height: Math.round(r.height), right: Math.round(r.right), bottom: Math.round(r.bottom) };
    });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > innerWidth);
    await context.close();
    report = { qr, overflow, errors };
  } else if (scenario === 'shot') {
    const context = await browser.newContext({ viewport: { width: 800, height: 1000 }, deviceScaleFactor: 2 });
    await context.clock.setFixedTime(new Date(opt.now));
    const page = await context.newPage();
    await page.goto(url(rest[0]), { waitUntil: 'load' });
    await page.screenshot({ path: rest[1], fullPage: true });
    await context.close();
    report = { shot: rest[1] };
  } else if (scenario === 'served') {
    report = await served(rest);
  } else {
    throw new Error(`unknown scenario ${scenario}`);
  }
} finally {
  await browser.close();
}
console.log(JSON.stringify(report, null, 1));
