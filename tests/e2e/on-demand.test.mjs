// End-to-end: the parts of the interface fetched on demand (src/ui/on_demand.rs; issue 18). The
// release build splits the inspector, the checklist, resources and files panels, the share,
// import and export dialogs, the tab badges (rules and planner), the presentation bar, the
// print drawing, the context menu, the catalog search, dropped files, the card's rename field
// and the dialogs' frame out of the app's wasm into chunks (scripts/wasm-link,
// scripts/ship-chunks.mjs).
//
// 1. The first screen does not wait for them: no chunk of a hidden part is fetched before the
//    first card accepts a click; once the board is idle every chunk is fetched (so each part
//    opens at once, and offline after the first visit), and each part then works.
// 2. A chunk that cannot be fetched never stops the app: the part says so and offers "Try
//    again", the board keeps working, and once the network is back the part loads.
// 3. The share link's reader is a chunk too: a first visit fetches it only after the board; a
//    start that needs it (a saved board, a link) fetches its files beside the app's wasm
//    (web/boot.js, index.html's data-early), each once.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium, throttle } from './chromium.mjs';
import { serveDirectory } from './static-server.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dist = process.env.E2E_DIST ? path.resolve(root, process.env.E2E_DIST) : path.join(root, 'dist');

let server;
let browser;
let chunks;

before(async () => {
  server = await serveDirectory(dist);
  browser = await launchChromium();
  chunks = (await readdir(dist)).filter((f) => /^(split_|chunk_).*\.wasm$/.test(f));
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const isChunk = (url) => /\/(split_|chunk_)[^/]*\.wasm$/.test(url);
const KEY = 'tierboard.design.v1';
/** Marks when the first card appeared, on the page's own clock (resource timings use the same). */
const FIRST_CARD = () => {
  new MutationObserver((_, observer) => {
    if (document.querySelector('.card')) {
      window.__firstCard = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
};

test('the release build has chunks for the parts fetched on demand', () => {
  for (const part of [
    'inspector', 'check', 'checklist', 'resources', 'files', 'share', 'import_form', 'export_choices',
    'present_bar', 'print_svg', 'context_menu', 'search', 'receive_files', 'dropped_outcome', 'modal',
    'rename_field', 'read_link', 'side_panel', 'drag_picture',
  ]) {
    assert.ok(chunks.some((f) => f.startsWith(`split_${part}-`)), `a chunk for ${part}: ${chunks}`);
  }
});

test('the first screen does not wait for hidden parts; idle fetches them all, then every part works', async () => {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const fetched = [];
    page.on('requestfinished', (r) => isChunk(r.url()) && fetched.push(path.basename(r.url())));
    await page.addInitScript(FIRST_CARD);
    await page.goto(server.url);
    await page.locator('.card').first().waitFor();
    for (let waited = 0; fetched.length < chunks.length && waited < 20_000; waited += 100) await page.waitForTimeout(100);
    const early = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .filter((e) => /\/split_(?!inspector-)[^/]*\.wasm$/.test(e.name) && e.startTime < window.__firstCard)
        .map((e) => e.name),
    );
    assert.deepEqual(early, [], 'no hidden part is fetched before the board is on screen (the inspector is shown)');
    assert.deepEqual([...new Set(fetched)].sort(), [...chunks].sort(), 'every chunk is fetched once the board is idle');

    // Every part renders its own content.
    await page.getByRole('textbox', { name: 'Name' }).first().waitFor();
    const panel = page.locator('.side-panel__body');
    await page.getByRole('tab', { name: /Checklist/ }).click();
    await panel.getByRole('button', { name: /Fix all/ }).waitFor();
    await page.getByRole('tab', { name: /Resources/ }).click();
    await panel.getByText('Totals per environment').waitFor();
    await page.getByRole('tab', { name: /Files/ }).click();
    await panel.getByText('docker-compose.yml').first().waitFor();
    for (const [button, inside] of [
      ['Share', 'Copy link'],
      ['Import', 'Choose files'],
      ['Export', 'Download SVG'],
    ]) {
      await page.getByRole('button', { name: button, exact: true }).click();
      await page.getByRole('dialog').getByText(inside).first().waitFor();
      await page.keyboard.press('Escape');
    }
    // The parts a gesture shows: what a drag draws, the context menu, the catalog search, the
    // presentation bar and the picture print gets.
    const from = await page.locator('.card').first().boundingBox();
    await page.mouse.move(from.x + 20, from.y + 20);
    await page.mouse.down();
    await page.mouse.move(from.x + 60, from.y + 60, { steps: 4 });
    await page.locator('.drag-overlay__ghost').waitFor();
    await page.keyboard.press('Escape');
    await page.mouse.up();
    await page.locator('.card').first().click({ button: 'right' });
    await page.getByRole('menu').getByRole('menuitem', { name: 'Duplicate' }).waitFor();
    await page.keyboard.press('Escape');
    await page.locator('.card .card__name').first().dblclick();
    await page.waitForFunction(() => document.activeElement?.classList.contains('card__rename'));
    await page.keyboard.press('Escape');
    await page.locator('.card__rename').waitFor({ state: 'detached' });
    await page.getByRole('searchbox', { name: 'Search the catalog' }).fill('mysql');
    await page.waitForFunction(() => [...document.querySelectorAll('.palette-entry')].map((e) => e.dataset.kind).join() === 'mysql');
    await page.getByRole('searchbox', { name: 'Search the catalog' }).fill('');
    await page.getByRole('button', { name: 'Present', exact: true }).click();
    await page.getByRole('toolbar', { name: 'Presentation' }).getByRole('button', { name: 'Fit to screen' }).waitFor();
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    // The chunk is loaded: the drawing is there within the event, before the browser prints.
    assert.equal(await page.locator('.print-view__diagram svg').count(), 1, 'the core SVG on paper');
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    await page.keyboard.press('Escape');
    assert.equal(await page.locator('.on-demand').count(), 0, 'no part is left loading');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

/** A page in `context` whose `part` chunk is held back until `release()` is called, and the
 * errors it reports: `{ page, errors, release }`. */
async function withHeldChunk(context, part) {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  let release;
  const held = new Promise((r) => (release = r));
  await page.route(new RegExp(`/split_${part}-[^/]*\\.wasm$`), async (route) => {
    await held;
    await route.continue();
  });
  return { page, errors, release };
}

test('typed before the search has arrived: the whole catalog stays, then the filter follows', async () => {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, serviceWorkers: 'block' });
  try {
    const { page, errors, release } = await withHeldChunk(context, 'search');
    await page.goto(server.url);
    await page.locator('.card').first().waitFor();
    const shown = () => page.locator('.palette-entry').evaluateAll((els) => els.map((e) => e.dataset.kind));
    const all = await shown();
    await page.getByRole('searchbox', { name: 'Search the catalog' }).fill('redis');
    await page.waitForTimeout(300);
    assert.deepEqual(await shown(), all, 'no filter without the search');
    release();
    await page.waitForFunction(() => [...document.querySelectorAll('.palette-entry')].map((e) => e.dataset.kind).join() === 'redis');
    // Enter adds the only match.
    const cards = await page.locator('.card').count();
    await page.getByRole('searchbox', { name: 'Search the catalog' }).press('Enter');
    await page.waitForFunction((n) => document.querySelectorAll('.card').length === n + 1, cards);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('a rename started before its field has arrived: the field takes the focus once it is there', async () => {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, serviceWorkers: 'block' });
  try {
    const { page, errors, release } = await withHeldChunk(context, 'rename_field');
    await page.goto(server.url);
    await page.locator('.card').first().waitFor();
    await page.locator('.card .card__name').first().dblclick();
    await page.locator('.card .on-demand').waitFor();
    release();
    await page.waitForFunction(() => document.activeElement?.classList.contains('card__rename'));
    await page.keyboard.press('End');
    await page.keyboard.type('x2');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => [...document.querySelectorAll('.card__name')].some((e) => e.textContent.endsWith('x2')));
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test("the side panel's tabs held back: the panel says so, the board answers; then tabs and inspector follow", async () => {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, serviceWorkers: 'block' });
  try {
    const { page, errors, release } = await withHeldChunk(context, 'side_panel');
    await page.goto(server.url);
    await page.locator('.card').first().waitFor();
    const panel = page.getByRole('complementary', { name: 'Details' });
    await panel.locator('.on-demand').waitFor();
    assert.equal(await panel.getByRole('tab').count(), 0, 'no tabs before their chunk');
    // The board does not wait for the panel: a card is selected.
    await page.locator('.card').first().click();
    await page.waitForFunction(() => document.querySelector('.card--selected') !== null);
    release();
    await panel.getByRole('tab', { name: 'Inspector' }).waitFor();
    // The inspector shows the card selected meanwhile.
    const selected = await page.locator('.card--selected .card__name').innerText();
    await page.waitForFunction(
      (name) => [...document.querySelectorAll('.side-panel__body input')].some((i) => i.value === name),
      selected,
    );
    assert.equal(await panel.locator('.on-demand').count(), 0, 'nothing left loading');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test("the parts' stylesheet: not before the board; held back, the parts wait for it, never unstyled", async () => {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    let release;
    const held = new Promise((r) => (release = r));
    await page.route(/\/parts-[0-9a-f]{16}\.css$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.addInitScript(FIRST_CARD);
    await page.goto(server.url);
    await page.locator('.card').first().waitFor();
    const sheets = () => page.evaluate(() => [...document.styleSheets].map((s) => s.href ?? ''));
    const panel = page.getByRole('complementary', { name: 'Details' });
    await panel.locator('.on-demand').waitFor();
    // The chunks of the panel's parts arrive; the parts still wait for their rules.
    await page.waitForTimeout(1500);
    assert.equal(await panel.getByRole('tab').count(), 0, 'no tabs before the stylesheet');
    assert.ok(!(await sheets()).some((h) => /\/parts-/.test(h)), 'not applied while held');
    release();
    await panel.getByRole('tab', { name: 'Checklist' }).click();
    const score = panel.locator('.panel').first();
    await score.waitFor();
    // panels.css: `.panel { display: grid }`; unstyled it would be a block.
    assert.equal(await score.evaluate((el) => getComputedStyle(el).display), 'grid');
    const requested = await page.evaluate(() =>
      performance.getEntriesByType('resource').filter((e) => /\/parts-[0-9a-f]{16}\.css$/.test(e.name)).map((e) => e.startTime > window.__firstCard),
    );
    assert.deepEqual(requested, [true], 'fetched once, after the first card could be clicked');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('a drag before its picture has arrived: the card still moves; the picture shows once it is there', async () => {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, serviceWorkers: 'block' });
  try {
    const { page, errors, release } = await withHeldChunk(context, 'drag_picture');
    await page.goto(server.url);
    const lane = (tier) => page.getByRole('region', { name: `${tier} tier` });
    await lane('Data').locator('.card').first().waitFor();
    const backend = await lane('Backend').locator('.card').count();
    const drag = async () => {
      const from = await lane('Data').locator('.card').first().boundingBox();
      const to = await lane('Backend').locator('.card').last().boundingBox();
      await page.mouse.move(from.x + 20, from.y + 20);
      await page.mouse.down();
      // In steps, as a hand would: to the right end of the backend lane's last card.
      await page.mouse.move(to.x + to.width - 10, to.y + 20, { steps: 8 });
    };
    await drag();
    assert.equal(await page.locator('.drag-overlay').count(), 0, 'no picture without its chunk');
    await page.mouse.up();
    await page.waitForFunction((n) => document.querySelectorAll('[data-tier="backend"] .card').length === n + 1, backend);
    release();
    await drag();
    await page.locator('.drag-overlay__bar').waitFor();
    await page.mouse.up();
    await page.waitForFunction((n) => document.querySelectorAll('[data-tier="backend"] .card').length === n + 2, backend);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('a chunk that cannot be fetched: the part offers to try again, the app keeps working', async () => {
  // No service worker: it would serve the chunk from its cache once installed (offline after the
  // first visit, offline.test.mjs); this is a first visit whose network fails.
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    let offline = true;
    await page.route(/\/split_files-[^/]*\.wasm$/, (route) => (offline ? route.abort('internetdisconnected') : route.continue()));
    await page.goto(server.url);
    await page.locator('.card').first().waitFor();
    await page.getByRole('tab', { name: /Files/ }).click();
    const failed = page.locator('.side-panel__body [role="alert"]');
    await failed.waitFor();
    assert.match(await failed.innerText(), /could not be loaded/);

    // The board still answers: select a card and delete it, then undo.
    const cards = await page.locator('.card').count();
    await page.locator('.card').first().click();
    await page.keyboard.press('Delete');
    await page.waitForFunction((n) => document.querySelectorAll('.card').length === n - 1, cards);
    await page.keyboard.press('Control+z');
    await page.waitForFunction((n) => document.querySelectorAll('.card').length === n, cards);

    // Back to Files while still offline: it tries again and says so again; once the network
    // is back, "Try again" loads it.
    await page.getByRole('tab', { name: /Files/ }).click();
    await failed.getByRole('button', { name: 'Try again' }).waitFor();
    offline = false;
    await failed.getByRole('button', { name: 'Try again' }).click();
    await page.locator('.side-panel__body').getByText('docker-compose.yml').first().waitFor();
    assert.deepEqual(errors, [], 'no error reached the page (a panic would)');
  } finally {
    await context.close();
  }
});

test('the share link reader: after the board on a first visit; in one pack beside the app wasm for a saved board or a link', async () => {
  const pack = (await readFile(path.join(dist, 'index.html'), 'utf8')).match(/data-early="([^"]*)"/)?.[1];
  assert.match(pack ?? '', /^early_read_link-[0-9a-f]{16}\.wasm$/, 'index.html names the reader\'s pack');
  // The pack is a wasm module of custom sections, one per chunk of the reader, named as the
  // chunks' loader asks for them, each byte for byte the chunk the build ships.
  const module = await WebAssembly.compile(await readFile(path.join(dist, pack)));
  const sections = WebAssembly.Module.customSections;
  const loader = await readFile(path.join(dist, (await readdir(dist)).find((f) => /^__wasm_split-[0-9a-f]+\.js$/.test(f))), 'utf8');
  const packed = chunks.filter((f) => sections(module, f).length === 1);
  assert.ok(packed.some((f) => f.startsWith('split_read_link-')) && packed.length > 1, `the reader and its chunks: ${packed}`);
  for (const file of packed) {
    assert.ok(Buffer.from(sections(module, file)[0]).equals(await readFile(path.join(dist, file))), `${file} as shipped`);
    assert.ok(loader.includes(file), `the loader asks for ${file}`);
  }

  // No service worker: every start goes to the network. The network is a 10 Mbit/s one with 40 ms
  // of latency and no HTTP cache, so "beside the app's wasm" is measurable: the wasm takes a
  // quarter of a second to arrive.
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, serviceWorkers: 'block' });
  const linkContext = await browser.newContext({ viewport: { width: 1400, height: 900 }, serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    const errors = [];
    const requested = [];
    const watch = (p) => {
      p.on('pageerror', (e) => errors.push(e.message));
      p.on('request', (r) => requested.push(path.basename(new URL(r.url()).pathname)));
    };
    watch(page);
    await context.addInitScript(FIRST_CARD);
    await page.goto(server.url);
    await page.locator('.card').first().waitFor();
    const beforeBoard = await page.evaluate(
      (files) =>
        performance
          .getEntriesByType('resource')
          .filter((e) => files.some((f) => e.name.endsWith(`/${f}`)) && e.startTime < window.__firstCard)
          .map((e) => e.name),
      [pack, ...packed],
    );
    assert.deepEqual(beforeBoard, [], 'a first visit with nothing saved fetches none of the reader before the board');
    assert.ok(!requested.includes(pack), 'nor its pack');

    // A change is saved in the link's form.
    const cards = await page.locator('.card').count();
    await page.locator('.card').first().click();
    await page.keyboard.press('Delete');
    await page.waitForFunction((k) => localStorage.getItem(k)?.startsWith('#d=1.'), KEY);
    const saved = await page.evaluate((k) => localStorage.getItem(k), KEY);

    const linkPage = await linkContext.newPage();
    watch(linkPage);
    await throttle(context, page, { mbit: 10, latency: 40 });
    await throttle(linkContext, linkPage, { mbit: 10, latency: 40 });
    // The first page is left for a blank one first: its idle prefetch (all the chunks, one after
    // the other) must not be counted as the next start's requests.
    await page.goto('about:blank');
    for (const [start, p, url] of [
      ['a start with the saved board', page, server.url],
      ['a first visit through a link', linkPage, server.url + saved],
    ]) {
      requested.length = 0;
      await p.goto(url);
      await p.waitForFunction((n) => document.querySelectorAll('.card').length === n, cards - 1);
      const { wasmEnd, packStart } = await p.evaluate((pack) => {
        const entries = performance.getEntriesByType('resource');
        const wasm = entries.find((e) => /\/tierboard-web-[0-9a-f]+_bg\.wasm$/.test(e.name));
        return { wasmEnd: wasm?.responseEnd ?? null, packStart: entries.find((e) => e.name.endsWith(`/${pack}`))?.startTime ?? null };
      }, pack);
      assert.ok(wasmEnd !== null && packStart !== null && packStart < wasmEnd, `${start}: the pack is asked for before the app's wasm has arrived (at ${packStart}, the wasm at ${wasmEnd})`);
      assert.equal(requested.filter((r) => r === pack).length, 1, `${start}: the pack is fetched once`);
      const apart = requested.filter((r) => packed.includes(r));
      assert.deepEqual(apart, [], `${start}: no chunk of the pack is fetched on its own before the board`);
    }
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    await linkContext.close();
  }
});

test('a link whose reader cannot be fetched: the page says so and the board works', async () => {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, serviceWorkers: 'block' });
  try {
    let page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(server.url);
    await page.locator('.card').first().waitFor();
    const cards = await page.locator('.card').count();
    await page.locator('.card').first().click();
    await page.keyboard.press('Delete');
    await page.waitForFunction((k) => localStorage.getItem(k)?.startsWith('#d=1.'), KEY);
    const link = await page.evaluate((k) => localStorage.getItem(k), KEY);
    await page.evaluate(() => localStorage.clear());
    await page.close();

    // A fresh start (nothing saved) through the link, offline for the reader's pack and its own
    // chunk.
    await context.route(/\/(early|split)_read_link-[^/]*\.wasm$/, (route) => route.abort('internetdisconnected'));
    page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}${link}`);
    await page.getByText(/Could not open the shared link: this part of Tierboard could not be loaded/).waitFor();
    assert.equal(await page.locator('.card').count(), cards, 'the opening board is there, whole');
    await page.locator('.card').first().click();
    await page.keyboard.press('Delete');
    await page.waitForFunction((n) => document.querySelectorAll('.card').length === n - 1, cards);
    assert.ok((await page.evaluate(() => window.location.hash)).startsWith('#d=1.'), 'the link stays, so a reload tries again');
    assert.deepEqual(errors, [], 'no error reached the page (a panic would)');
  } finally {
    await context.close();
  }
});
