// End-to-end: how fast the first visit gets to a usable board, and whether an edit stays within a
// frame while the Files panel shows a big project (issue 18). Figures, not timed assertions: the
// machine running the tests is shared and its speed varies, so the budgets are reported (printed,
// and written to test-results/load-perf.json) and only gross failures fail the test.
//
// 1. Time to an interactive board: a fresh browser context (no HTTP cache, no service worker)
//    under CDP network throttling (2 Mbit/s with 150 ms latency, and 10 Mbit/s with 40 ms; the
//    CPU is not throttled), from navigation until the first card accepts a click (the click
//    selects it; the time the first card became visible and the time the worker's first file was
//    asked for are reported beside it). The files are served precompressed as a static host
//    would (gzip, or brotli when the browser asks for it), so the bytes on the wire are the real
//    ones. Budgets: 2.5 s and 0.8 s.
//    The card is looked for on every animation frame; the click is Playwright's: it waits until
//    the card stands still, then sends the input and asks the page whether the card is selected,
//    each a round trip to the browser; that harness time (~0.2 s here) is in the figure. The long
//    tasks after the first card showed are reported too (a first tap waits for the one it lands
//    in). Separate cold
//    visits therefore also time it inside the page: from navigation start (performance.now())
//    until the first animation frame in which a click dispatched on the first card selects it
//    (`interactive_in_page_ms_*`), and so through a share link, until a card of the link's
//    design accepts the click (`interactive_in_page_through_link_ms_*`, reported only).
// 2. The Files panel open on a 100-service design: an edit (Delete on a selected card) renders
//    within a frame (its work until its frame is done, 16 ms; see big-board.mjs `__inFrame`);
//    the panel catches up after it (its project is made off the main thread), and the time
//    until docker-compose.yml no longer lists the service is reported too.
//
// Run `make test-e2e` after `make build`, or `node --test tests/e2e/load.test.mjs`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium, throttle } from './chromium.mjs';
import { serveDirectory } from './static-server.mjs';
import { bigDesign, noOpFrames, stats, TIMER } from './big-board.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dist = process.env.E2E_DIST ? path.resolve(root, process.env.E2E_DIST) : path.join(root, 'dist');
const results = path.join(root, 'test-results');
const KEY = 'tierboard.design.v1';
/** Runs per network profile; the median is reported. */
const RUNS = Number(process.env.LOAD_RUNS ?? 5);

const PROFILES = [
  { name: '2mbit_150ms', mbit: 2, latency: 150, budget_ms: 2500 },
  { name: '10mbit_40ms', mbit: 10, latency: 40, budget_ms: 800 },
];

let server;
let browser;
const figures = {};

before(async () => {
  server = await serveDirectory(dist, { compressed: true });
  browser = await launchChromium();
  await mkdir(results, { recursive: true });
});

after(async () => {
  await browser?.close();
  await server?.close();
  await writeFile(path.join(results, 'load-perf.json'), `${JSON.stringify(figures, null, 2)}\n`);
});

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** In the page, from its start: the long tasks (over 50 ms, the Long Tasks API) that begin once
 * the first card is in the page. A first tap waits for the task it lands in. */
const LONG_TASKS = () => {
  const tasks = [];
  let card = null;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) tasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
  new MutationObserver((_, observer) => {
    if (document.querySelector('.card')) {
      card = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
  window.__longTasksAfterCard = () => tasks.filter(([at]) => card !== null && at >= card).map(([, ms]) => Math.round(ms));
};

/** One cold visit under `profile`: ms from navigation until a click on the first card selected
 * it, and the bytes received by then (encoded, as on the wire) and in total after idle. */
async function coldVisit(profile) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await throttle(context, page, profile);
    // Playwright's request events include the worker's requests (CDP's page session does not).
    let bytes = 0;
    const files = new Map();
    page.on('requestfinished', async (request) => {
      const sizes = await request.sizes().catch(() => null);
      if (!sizes) return;
      const size = sizes.responseBodySize + sizes.responseHeadersSize;
      bytes += size;
      files.set(request.url().slice(server.url.length) || 'index.html', size);
    });
    let workerStarted = false;
    page.on('worker', () => {
      workerStarted = true;
    });
    // When the worker's first file was asked for: after the board is up, if the prefetch waits
    // for it as it should.
    let workerRequested = null;
    page.on('request', (request) => {
      if (workerRequested === null && request.url().includes('tierboard-worker')) workerRequested = Date.now();
    });

    await page.addInitScript(LONG_TASKS);
    const started = Date.now();
    await page.goto(server.url, { waitUntil: 'commit' });
    const card = page.locator('.card').first();
    // Checked on every animation frame: a locator's waitFor polls ever more slowly (after 0,
    // 20, 50, 100 and 100 ms, then every 500 ms), so a card shown just after a poll counted up
    // to half a second late.
    await page.waitForFunction(
      () => (document.querySelector('.card')?.getBoundingClientRect().width ?? 0) > 0,
      null,
      { polling: 'raf', timeout: 30_000 },
    );
    const visible = Date.now() - started;
    // A click before the app handles it does nothing: click until the card shows it is selected.
    for (;;) {
      await card.click({ timeout: 30_000 });
      if (await card.evaluate((el) => el.classList.contains('card--selected'))) break;
      assert.ok(Date.now() - started < 60_000, 'the first card never accepted a click');
    }
    const interactive = Date.now() - started;
    const initialBytes = bytes;
    const initialFiles = Object.fromEntries(files);
    // What the idle prefetch fetches afterwards (the on-demand parts): wait for the worker's wasm
    // (builds without a worker, the baseline: a fixed while).
    const workerWasm = () => [...files.keys()].some((f) => /^tierboard-worker_bg(-[0-9a-f]{16})?\.wasm$/.test(f));
    if ((await readdir(dist)).some((f) => f.startsWith('tierboard-worker_loader'))) {
      for (let waited = 0; !workerWasm() && waited < 30_000; waited += 100) await page.waitForTimeout(100);
      assert.ok(workerStarted && workerWasm(), 'the worker started and fetched its wasm once the board was idle');
    } else {
      await page.waitForTimeout(profile.mbit < 5 ? 6000 : 2000);
    }
    assert.deepEqual(errors, [], 'no errors in the page');
    const longTasks = await page.evaluate(() => window.__longTasksAfterCard());
    return {
      interactive,
      longTasks,
      visible,
      workerRequested: workerRequested === null ? null : workerRequested - started,
      initialBytes,
      initialFiles,
      totalBytes: bytes,
      afterIdle: Object.fromEntries(files),
    };
  } finally {
    await context.close();
  }
}

/** In the page, from its start: every animation frame, once a card is there (named `name`, when
 * given: the card of a link's design), a click on it, until one selects it;
 * `window.__interactive` is the time (ms since navigation start) of the click that did. */
const PROBE = (name) => {
  const probe = () => {
    const card = [...document.querySelectorAll('.card')].find(
      (c) => name === null || c.querySelector('.card__name')?.textContent === name,
    );
    if (card) {
      const at = performance.now();
      card.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, view: window }));
      // The selection renders in microtasks after the handler: look once they have run.
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        if (card.isConnected && card.classList.contains('card--selected')) window.__interactive = at;
        else requestAnimationFrame(probe);
      };
      channel.port2.postMessage(0);
      return;
    }
    requestAnimationFrame(probe);
  };
  requestAnimationFrame(probe);
};

/** One cold visit under `profile` timed inside the page (see PROBE); through `link` (a share
 * link's fragment) until `name`'s card, of the link's design, accepts a click. */
async function probedVisit(profile, { link = '', name = null } = {}) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  try {
    const page = await context.newPage();
    await page.addInitScript(PROBE, name);
    await throttle(context, page, profile);
    await page.goto(server.url + link, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__interactive !== undefined, null, { timeout: 60_000 });
    return Math.round(await page.evaluate(() => window.__interactive));
  } finally {
    await context.close();
  }
}

/** A share link of the opening board with its first card renamed (read from what autosave
 * keeps), and that name, which no card of the opening board has. */
async function linkOfChangedBoard() {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  try {
    const page = await context.newPage();
    await page.goto(server.url);
    await page.locator('.card').first().click();
    const field = page.getByRole('textbox', { name: 'Name' });
    await field.fill('linked-card');
    await field.press('Enter');
    await page.waitForFunction((k) => localStorage.getItem(k)?.startsWith('#d=1.'), KEY);
    return { link: await page.evaluate((k) => localStorage.getItem(k), KEY), name: 'linked-card' };
  } finally {
    await context.close();
  }
}

for (const profile of PROFILES) {
  test(`cold visit at ${profile.mbit} Mbit/s, ${profile.latency} ms: time until the first card accepts a click`, async () => {
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await coldVisit(profile));
    const times = runs.map((r) => r.interactive);
    figures[`interactive_ms_${profile.name}`] = {
      median: median(times),
      runs: times,
      budget: profile.budget_ms,
      within_budget: median(times) <= profile.budget_ms,
    };
    figures[`first_card_visible_ms_${profile.name}`] = median(runs.map((r) => r.visible));
    // Per run: the long tasks after the first card showed, until the worker's wasm arrived (ms).
    figures[`long_tasks_after_first_card_ms_${profile.name}`] = runs.map((r) => r.longTasks);
    const inPage = [];
    for (let i = 0; i < RUNS; i++) inPage.push(await probedVisit(profile));
    figures[`interactive_in_page_ms_${profile.name}`] = {
      median: median(inPage),
      runs: inPage,
      budget: profile.budget_ms,
      within_budget: median(inPage) <= profile.budget_ms,
    };
    console.log(`# ${profile.name}: interactive in the page ${JSON.stringify(inPage)} ms (median ${median(inPage)})`);
    // A first visit through a share link (a workshop's QR code): the start fetches the link's
    // reader too (its pack, beside the app's wasm), and the link's design replaces the opening
    // board. Reported, no budget of its own.
    const { link, name } = await linkOfChangedBoard();
    const throughLink = [];
    for (let i = 0; i < RUNS; i++) throughLink.push(await probedVisit(profile, { link, name }));
    figures[`interactive_in_page_through_link_ms_${profile.name}`] = { median: median(throughLink), runs: throughLink };
    console.log(`# ${profile.name}: through a link, interactive in the page ${JSON.stringify(throughLink)} ms (median ${median(throughLink)})`);
    // Null without a worker (the baseline build).
    figures[`worker_requested_ms_${profile.name}`] = runs.map((r) => r.workerRequested);
    figures[`bytes_before_interactive_${profile.name}`] = median(runs.map((r) => r.initialBytes));
    figures[`bytes_after_idle_${profile.name}`] = median(runs.map((r) => r.totalBytes));
    figures.files_before_interactive = runs[0].initialFiles;
    figures.files_after_idle = runs[0].afterIdle;
    console.log(`# ${profile.name}: interactive ${JSON.stringify(times)} ms (median ${median(times)}, budget ${profile.budget_ms})`);
    console.log(`# ${profile.name}: ${runs[0].initialBytes} bytes before interactive, ${runs[0].totalBytes} after idle`);
    // Only a gross failure fails: a board that takes ten times its budget is broken, not slow.
    assert.ok(median(times) < profile.budget_ms * 10, `median ${median(times)} ms`);
  });
}




/** Deletes services `from`..`from + 9` one by one (select, then Delete), timing each edit: its
 * dispatch and render, until the next frame is done, and (with the Files panel open) until the
 * panel's docker-compose.yml no longer lists the service. */
function deletions(page, from, { files }) {
  return page.evaluate(
    async ([from, files]) => {
      const commits = [];
      const frames = [];
      const work = [];
      const panel = [];
      const shows = (name) => [...document.querySelectorAll('.files__code')].some((c) => c.textContent.includes(`\n  ${name}:`));
      for (let id = from; id < from + 10; id++) {
        const card = document.querySelector(`.card[data-service-id="${id}"]`);
        card.scrollIntoView({ block: 'center' });
        card.click();
        await window.__frame();
        await new Promise((r) => setTimeout(r, 50));
        const t0 = performance.now();
        const t = await window.__inFrame(() => card.dispatchEvent(new KeyboardEvent('keydown', { key: 'Delete', bubbles: true })));
        commits.push(t.sync);
        frames.push(t.frame);
        work.push(t.work);
        if (files) {
          while (shows(`svc-${id}`) && performance.now() - t0 < 10_000) await window.__frame();
          panel.push(performance.now() - t0);
        }
      }
      return { commits, frames, work, panel };
    },
    [from, files],
  );
}

test('Files panel open on 100 services: an edit renders within a frame, the panel follows', async (t) => {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  t.after(() => context.close());
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(server.url);
  await page.getByRole('region', { name: 'Data tier' }).waitFor();
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, JSON.stringify(bigDesign(100))]);
  await page.reload();
  await page.waitForFunction(() => document.querySelectorAll('.card').length === 100);
  await page.getByRole('tab', { name: /^Files/ }).click();
  await page.locator('.files__file').first().waitFor();
  await page.evaluate(`${TIMER}\n;undefined`);

  // The edit: Delete on a selected card (the side panel keeps showing Files). Each removal
  // changes docker-compose.yml, the file the panel shows.
  const open = await deletions(page, 10, { files: true });
  // The same edits with the Files panel closed (Checklist tab): what an edit costs by itself.
  await page.getByRole('tab', { name: /^Checklist/ }).click();
  const closed = await deletions(page, 30, { files: false });
  assert.equal(await page.locator('.card').count(), 80, 'every Delete removed a service');
  const result = {
    services: 100,
    files_panel_open: {
      edit_dispatch_and_render_ms: stats(open.commits),
      edit_until_next_frame_done_ms: stats(open.frames),
      edit_work_until_its_frame_is_done_ms: stats(open.work),
      files_panel_updated_ms: stats(open.panel),
    },
    files_panel_closed: {
      edit_dispatch_and_render_ms: stats(closed.commits),
      edit_until_next_frame_done_ms: stats(closed.frames),
      edit_work_until_its_frame_is_done_ms: stats(closed.work),
    },
    // What "until the next frame is done" reads for an edit that does nothing: its floor.
    no_op_until_next_frame_done_ms: stats(await noOpFrames(page)),
  };
  figures.files_panel_100_services = result;
  console.log(JSON.stringify(result, null, 2));

  // Back on Files, the panel shows the design as it is now.
  await page.getByRole('tab', { name: /^Files/ }).click();
  await page.waitForFunction(() => {
    const code = document.querySelector('.files__code')?.textContent ?? '';
    return code.includes('\n  svc-40:') && !code.includes('\n  svc-39:');
  });
  assert.deepEqual(errors, [], 'no errors in the page');
});
