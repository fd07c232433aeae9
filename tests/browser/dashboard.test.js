// dashboard.test.js URL [--no-seed] [--shots DIR]: drives the dashboard served at URL in
// headless Chromium (playwright-core) and checks what an analyst sees: the network, the
// timeline, filtering by CAMEO root, the article view and back navigation. Run by
// tests/browser.test.sh; prints one line per failure and a summary "N passed, N failed, N skipped".
'use strict';
const path = require('path');
const fs = require('fs');
const { chromium } = require('playwright-core');

const args = process.argv.slice(2);
const base = args.find((a) => !a.startsWith('--') && /^https?:/.test(a));
const seed = !args.includes('--no-seed');  // without the seed article there is no RUS→CHN, no threat
const shotsAt = args.indexOf('--shots');
const shots = shotsAt >= 0 ? args[shotsAt + 1] : 'build/screenshots';
const NAME = 'dashboard.test.js';
let passed = 0, failed = 0, skipped = 0;

function check(name, ok, detail) {
  if (ok) passed++;
  else {
    failed++;
    console.log(`${NAME}: FAIL ${name}${detail ? ': ' + detail : ''}`);
  }
}
function skip(name, why) {
  skipped++;
  console.log(`${NAME}: skipped: ${name} (${why})`);
}

// The page marks each finished drawing on <body data-ready>; wait for one newer than BEFORE.
async function settled(page, before) {
  await page.waitForFunction((old) => document.body.dataset.ready && document.body.dataset.ready !== old, before, { timeout: 15000 });
}
const readyMark = (page) => page.evaluate(() => document.body.dataset.ready || '');
const query = (page) => new URL(page.url()).searchParams;

async function main() {
  if (!base) {
    console.log(`usage: node ${NAME} URL [--no-seed] [--shots DIR]`);
    process.exit(2);
  }
  fs.mkdirSync(shots, { recursive: true });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const pageErrors = [];
    page.on('pageerror', (err) => pageErrors.push(err.message));
    page.on('console', (msg) => { if (msg.type() === 'error') pageErrors.push(msg.text()); });

    // the dashboard: network and timeline
    await page.goto(base);
    await settled(page, '');
    const status = await page.textContent('#status');
    check('dashboard loads without an error message', !(await page.$('#status.error')), status);
    const edges = await page.$$eval('#network .edge', (list) => list.map((e) => e.dataset.source + '>' + e.dataset.target));
    check('network draws edges', edges.length > 0, `${edges.length} edges`);
    if (seed) check('network shows a RUS→CHN edge', edges.includes('RUS>CHN'), edges.join(' '));
    else skip('network shows a RUS→CHN edge', 'no seed article');
    const bars = await page.$$eval('#timeline rect.bar', (list) => list.reduce((sum, r) => sum + Number(r.dataset.count), 0));
    const barCount = await page.$$eval('#timeline rect.bar', (list) => list.length);
    check('timeline draws bars', barCount > 0, `${barCount} bars`);
    check('timeline bars count events', bars > 0, `${bars} events`);
    const total = await page.$$eval('#events tr.event', (rows) => rows.length);
    check('event table has rows', total > 0, `${total} rows`);
    const highlighted = await page.$$eval('#events tr.event td.sentence mark.hl-verb', (marks) => marks.length);
    check('event sentences highlight their verbs', highlighted > 0);
    await page.screenshot({ path: path.join(shots, 'dashboard.png'), fullPage: true });

    // filtering by root 13 (threaten), through the form
    let before = await readyMark(page);
    await page.selectOption('#filters select[name=root]', '13');
    await page.click('#filters button[type=submit]');
    await settled(page, before);
    check('URL carries root=13', query(page).get('root') === '13', page.url());
    const codes = await page.$$eval('#events tr.event', (rows) => rows.map((r) => r.dataset.code));
    if (seed) {
      check('root 13 leaves threats in the table', codes.length > 0, 'no rows');
      check('every row is a threat (code 13…)', codes.every((c) => c.startsWith('13')), codes.join(' '));
    } else {
      skip('root 13 leaves threats in the table', 'no seed article');
    }
    const timelineEvents = await page.$$eval('#timeline g.period', (list) => list.reduce((sum, g) => sum + Number(g.dataset.events), 0));
    check('timeline follows the filter', timelineEvents === codes.length, `${timelineEvents} in the timeline, ${codes.length} rows`);
    await page.screenshot({ path: path.join(shots, 'filtered.png'), fullPage: true });

    // a link reproduces the view
    const filteredUrl = page.url();
    const other = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await other.goto(filteredUrl);
    await settled(other, '');
    const again = await other.$$eval('#events tr.event', (rows) => rows.map((r) => r.dataset.code));
    check('the URL alone reproduces the filtered view', again.join(' ') === codes.join(' ') &&
      (await other.inputValue('#filters select[name=root]')) === '13', again.join(' '));
    await other.close();

    // clicking an event opens its article with the span marked
    if (codes.length > 0) {
      const row = await page.$('#events tr.event');
      const expected = await row.evaluate((r) => ({
        event: r.dataset.event,
        article: r.dataset.article,
        sentence: r.querySelector('td.sentence').textContent,
        verb: (r.querySelector('td.sentence mark.hl-verb') || {}).textContent,
      }));
      before = await readyMark(page);
      await row.click();
      await settled(page, before);
      const q = query(page);
      check('URL names the article and the event', q.get('article') === expected.article && q.get('event') === expected.event, page.url());
      check('article view is shown', await page.isVisible('#article-text') && !(await page.isVisible('#events')));
      const selected = await page.$$eval('#article-text .selected', (list) => list.map((e) => e.textContent));
      check('the event is marked selected with its sentence or verb',
        selected.some((t) => t === expected.sentence || t === expected.verb), JSON.stringify({ selected, expected }));
      const visible = await page.$eval('#article-text .selected', (e) => {
        const box = e.getBoundingClientRect(), pane = e.closest('.article-text').getBoundingClientRect();
        return box.bottom > pane.top && box.top < pane.bottom;
      }).catch(() => false);
      check('the selected span is scrolled into view', visible);
      const kinds = await page.$$eval('#article-text .hl', (list) => [...new Set(list.map((e) => e.dataset.kind))].sort());
      check('article highlights events, verbs and actors', ['event', 'source', 'verb'].every((k) => kinds.includes(k)), kinds.join(' '));
      await page.screenshot({ path: path.join(shots, 'article.png') });

      // back: the filtered table again
      before = await readyMark(page);
      await page.goBack();
      await settled(page, before);
      const back = query(page);
      check('back returns to the filtered view', back.get('root') === '13' && !back.has('article'), page.url());
      check('... with the table visible again', await page.isVisible('#events') && !(await page.isVisible('#article-text')));
      const backCodes = await page.$$eval('#events tr.event', (rows) => rows.map((r) => r.dataset.code));
      check('... and the same rows', backCodes.join(' ') === codes.join(' '), backCodes.join(' '));
      check('... and the form showing root 13', (await page.inputValue('#filters select[name=root]')) === '13');
      before = await readyMark(page);
      await page.goBack();
      await settled(page, before);
      check('back again removes the filter', !query(page).has('root') && (await page.inputValue('#filters select[name=root]')) === '',
        page.url());
      const unfiltered = await page.$$eval('#events tr.event', (rows) => rows.length);
      check('... and restores every row', unfiltered === total, `${unfiltered} rows, ${total} before`);
    } else {
      skip('article view and back navigation', 'no threat to click');
    }

    // an edge of the network filters the view to its dyad (by keyboard, as a user without a mouse would)
    const edge = seed ? '#network .edge[data-source="RUS"][data-target="CHN"]' : '#network .edge';
    await page.goto(base);
    await settled(page, '');
    const pair = await page.$eval(edge, (e) => [e.dataset.source, e.dataset.target]).catch(() => null);
    if (pair) {
      before = await readyMark(page);
      await page.focus(edge);
      await page.keyboard.press('Enter');
      await settled(page, before);
      const q = query(page);
      check('an edge filters to its dyad', q.get('source') === pair[0] && q.get('target') === pair[1], page.url());
      const dyadRows = await page.$$eval('#events tr.event', (rows) => rows.map((r) => r.dataset.source + '>' + r.dataset.target));
      check('... and the table holds only that dyad', dyadRows.length > 0 &&
        dyadRows.every((d) => d.startsWith(pair[0]) && d.split('>')[1].startsWith(pair[1])), dyadRows.join(' '));
      check('... and the edge is marked', await page.$eval(edge, (e) => e.classList.contains('selected')));
    } else {
      check('an edge to click', false, 'none found');
    }
    check('no errors in the page', pageErrors.length === 0, pageErrors.join(' | '));
  } finally {
    await browser.close();
  }
}

main().catch((err) => {
  failed++;
  console.log(`${NAME}: FAIL ${err && err.stack ? err.stack.split('\n').slice(0, 3).join(' ') : err}`);
}).finally(() => {
  console.log(`${NAME}: ${passed} passed, ${failed} failed, ${skipped} skipped`);
  process.exitCode = failed ? 1 : 0;
});
