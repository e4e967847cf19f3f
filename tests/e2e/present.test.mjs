// End-to-end: presentation mode and read-only view links (issue 14) in Chromium against dist/.
//
// 1. "Present" hides the editing UI (palette, side panel, toolbar), refuses edits, Esc leaves,
//    and the saved board (localStorage) is byte-identical before and after.
// 2. A view link (#v=1.…) in a context whose storage already holds another board shows the
//    shared design read-only, also after a reload, and never touches the saved board; "Open as
//    my board" then replaces it, and Undo brings the viewer's own board back.
// 3. Export: the PNG download is 2× the SVG's size; the downloaded SVG opens back (Open design
//    file) to the same design.
// Screenshots (present light and dark, print preview) go to test-results/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from './chromium.mjs';
import { serveDirectory } from './static-server.mjs';
import { afterSave } from './saved-design.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const results = path.join(root, 'test-results');
const KEY = 'tierboard.design.v1';

let server;
let browser;

before(async () => {
  server = await serveDirectory(path.join(root, 'dist'));
  browser = await launchChromium();
  await mkdir(results, { recursive: true });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** A fresh context (empty storage); page errors (a wasm panic) fail the test. */
async function freshContext(t, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, ...options });
  t.after(() => context.close());
  const errors = [];
  const newPage = async (url = server.url) => {
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      // A refused full-screen request is expected without a user gesture.
      if (m.type() === 'error' && !/fullscreen/i.test(m.text())) errors.push(m.text());
    });
    await page.goto(url);
    await page.getByRole('region', { name: 'Data tier' }).waitFor();
    return page;
  };
  t.after(() => assert.deepEqual(errors, [], 'no errors in the page'));
  return { context, newPage };
}

/** Polls `read` until it returns `expected` or two seconds pass, then compares. */
async function settled(read, expected, message) {
  let shown = await read();
  for (let waited = 0; waited < 2000 && JSON.stringify(shown) !== JSON.stringify(expected); waited += 25) {
    await new Promise((r) => setTimeout(r, 25));
    shown = await read();
  }
  assert.deepEqual(shown, expected, message);
}

const stored = (page) => page.evaluate((key) => localStorage.getItem(key), KEY);
const cardNames = (page) => page.locator('.card__name').allTextContents();
const presenting = (page) => page.locator('.app').evaluate((el) => el.classList.contains('app--presenting'));
const visible = (page, selector) => page.locator(selector).first().isVisible();

/** Starts `pattern` from the toolbar and waits until autosave has written it. */
async function applyPattern(page, pattern) {
  const before = await stored(page);
  await page.getByRole('combobox', { name: 'Start from a pattern' }).selectOption(pattern);
  for (let waited = 0; waited < 3000 && (await stored(page)) === before; waited += 50) {
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.notEqual(await stored(page), before, 'the pattern was saved');
}

/** Tries every way to edit a read-only board: Delete on a focused card, undo, a drag. */
async function tryToEdit(page) {
  const card = page.locator('.card').first();
  await card.focus();
  await page.keyboard.press('Delete');
  await page.keyboard.press('Control+z');
  const box = await card.boundingBox();
  if (box) {
    await page.mouse.move(box.x + 20, box.y + 20);
    await page.mouse.down();
    await page.mouse.move(box.x + 20, box.y + 300, { steps: 8 });
    await page.mouse.up();
  }
}

test('present mode hides the editing UI, refuses edits, Esc leaves, the saved board is untouched', async (t) => {
  const { newPage } = await freshContext(t);
  const page = await newPage();
  await applyPattern(page, 'microservices');
  const saved = await stored(page);
  const names = await cardNames(page);
  assert.ok(await visible(page, '.palette'), 'palette shown before');

  await page.getByRole('button', { name: 'Present', exact: true }).click();
  await settled(() => presenting(page), true, 'presenting');
  assert.equal(await visible(page, '.palette'), false, 'palette hidden');
  assert.equal(await visible(page, '.side-panel'), false, 'side panel hidden');
  assert.equal(await visible(page, '.toolbar'), false, 'toolbar hidden');
  assert.equal(await visible(page, '.card__handle'), false, 'connect handles hidden');
  const bar = page.getByRole('toolbar', { name: 'Presentation' });
  await bar.waitFor(); // from its chunk (on_demand::present_bar)
  assert.ok(await bar.isVisible(), 'presentation bar shown');
  assert.equal(await bar.getByRole('heading', { level: 1 }).textContent(), await page.locator('.app-header__design-name').textContent());
  for (const name of ['Zoom in', 'Zoom out', 'Fit to screen', 'Exit presentation']) {
    assert.ok(await bar.getByRole('button', { name }).isVisible(), `${name} button`);
  }

  // The board's zoom (its canvas's scale): Fit on entering, + and - change it, F fits again.
  const zoom = () =>
    page.locator('.board__canvas').evaluate((el) => Number((/scale\(([\d.]+)\)/.exec(el.style.transform) ?? [0, 1])[1]));
  await new Promise((r) => setTimeout(r, 600)); // the entering Fit runs after the relayout
  const fitted = await zoom();
  assert.ok(fitted > 0, 'a zoom');
  await page.screenshot({ path: path.join(results, 'present-light.png') });
  await page.keyboard.press('+');
  await settled(async () => (await zoom()) > fitted, true, '+ zooms in');
  await page.keyboard.press('-');
  await page.keyboard.press('-');
  await settled(async () => (await zoom()) < fitted, true, '- zooms out');
  await bar.getByRole('button', { name: 'Zoom in' }).click();
  await page.keyboard.press('f');
  await settled(zoom, fitted, 'F fits again');
  const scrolled = () => page.locator('.board').evaluate((el) => [el.scrollLeft, el.scrollTop]);
  await page.keyboard.press('+');
  await page.keyboard.press('+');
  const before = await scrolled();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowRight');
  await settled(async () => {
    const after = await scrolled();
    return after[0] > before[0] && after[1] > before[1];
  }, true, 'arrows pan');
  await page.keyboard.press('0');

  await tryToEdit(page);
  await settled(() => cardNames(page), names, 'no card removed or moved while presenting');

  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: path.join(results, 'present-dark.png') });
  await page.emulateMedia({ colorScheme: 'light' });

  await page.keyboard.press('Escape');
  await settled(() => presenting(page), false, 'Esc leaves');
  assert.ok(await visible(page, '.palette'), 'palette back');
  assert.ok(await visible(page, '.toolbar'), 'toolbar back');
  await settled(() => cardNames(page), names, 'the same board after presenting');
  await afterSave(page); // anything autosave would write is written by now
  assert.equal(await stored(page), saved, 'saved board byte-identical');

  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: path.join(results, 'print-preview.png'), fullPage: true });
  assert.equal(await visible(page, '.toolbar'), false, 'no toolbar on paper');
  assert.equal(await visible(page, '.palette'), false, 'no palette on paper');
  assert.ok(await visible(page, '.print-view__title'), 'the design name on paper');
  await page.emulateMedia({ media: 'screen' });
});

test('a view link shows the shared design read-only, survives a reload, never touches the saved board', async (t) => {
  // The sharer: a microservices board, its link made into a view link (same payload under v=).
  const sharer = await freshContext(t, { permissions: ['clipboard-read', 'clipboard-write'] });
  const a = await sharer.newPage();
  await applyPattern(a, 'microservices');
  const sharedNames = await cardNames(a);
  const sharedName = await a.locator('.app-header__design-name').textContent();
  await a.getByRole('button', { name: 'Share', exact: true }).click();
  const link = await a.getByRole('textbox', { name: 'Share link' }).inputValue();
  assert.match(link, /#d=1\./);
  // "Copy view link" copies the same payload under v=.
  await a.getByRole('button', { name: 'Copy view link' }).click();
  await settled(() => a.evaluate(() => navigator.clipboard.readText()), link.replace('#d=', '#v='), 'the view link is copied');
  const viewLink = await a.evaluate(() => navigator.clipboard.readText());

  // The viewer: another board already saved.
  const viewer = await freshContext(t);
  const own = await viewer.newPage();
  await applyPattern(own, 'monolith');
  const ownNames = await cardNames(own);
  const saved = await stored(own);
  assert.notDeepEqual(ownNames, sharedNames);
  await own.close();

  const page = await viewer.newPage(viewLink);
  await settled(() => presenting(page), true, 'a view link opens presenting');
  await settled(() => cardNames(page), sharedNames, 'the shared design is shown');
  const bar = page.getByRole('toolbar', { name: 'Presentation' });
  assert.equal(await bar.getByRole('heading', { level: 1 }).textContent(), sharedName);
  assert.ok(await bar.getByText('Shared · read-only').isVisible());
  assert.equal(await visible(page, '.palette'), false, 'no palette');
  await page.screenshot({ path: path.join(results, 'present-view-link.png') });

  await tryToEdit(page);
  await settled(() => cardNames(page), sharedNames, 'edits impossible');
  await new Promise((r) => setTimeout(r, 400));
  assert.equal(await stored(page), saved, 'the saved board is untouched while viewing');

  await page.reload();
  await page.getByRole('region', { name: 'Data tier' }).waitFor();
  assert.match(page.url(), /#v=1\./, 'the view link stays in the address bar');
  await settled(() => presenting(page), true, 'still presenting after reload');
  await settled(() => cardNames(page), sharedNames, 'still the shared design after reload');
  await new Promise((r) => setTimeout(r, 400));
  assert.equal(await stored(page), saved, 'the saved board is untouched after reload');

  // "Back to my board": the own board, untouched, fragment gone.
  await bar.getByRole('button', { name: 'Back to my board' }).click();
  await settled(() => presenting(page), false, 'left the view');
  await settled(() => cardNames(page), ownNames, 'the own board again');
  assert.doesNotMatch(page.url(), /#v=/, 'fragment cleared');
  assert.equal(await stored(page), saved);

  // Open the view link again, then "Open as my board": replaces, and Undo restores.
  await page.goto(viewLink);
  await settled(() => presenting(page), true, 'the view link by hashchange');
  await settled(() => cardNames(page), sharedNames);
  await page.getByRole('button', { name: 'Open as my board' }).click();
  await settled(() => presenting(page), false, 'opened as my board');
  await settled(() => cardNames(page), sharedNames, 'the shared design is now the board');
  assert.doesNotMatch(page.url(), /#v=/, 'fragment cleared');
  await settled(async () => (await stored(page)) !== saved, true, 'the new board is saved');
  await page.getByRole('button', { name: 'Undo' }).click();
  await settled(() => cardNames(page), ownNames, 'Undo brings the own board back');
  await settled(() => stored(page), saved, 'and saves it again');
  await page.screenshot({ path: path.join(results, 'view-opened-undone.png') });
});

/** Width and height of a PNG (its IHDR chunk). */
function pngSize(bytes) {
  assert.equal(bytes.subarray(1, 4).toString('latin1'), 'PNG', 'a PNG file');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

test('export: PNG at 2x the SVG, SVG and Mermaid downloads, the SVG opens back to the same design', async (t) => {
  const { newPage } = await freshContext(t, { acceptDownloads: true });
  const page = await newPage();
  await applyPattern(page, 'event-driven');
  const names = await cardNames(page);
  const dialog = page.getByRole('dialog', { name: 'Export a picture or text' });
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await dialog.waitFor();

  const download = async (button) => {
    const [file] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: button }).click()]);
    const where = path.join(results, `export-${file.suggestedFilename()}`);
    await file.saveAs(where);
    return { name: file.suggestedFilename(), where, bytes: await readFile(where) };
  };
  const svg = await download('Download SVG');
  assert.match(svg.name, /\.svg$/);
  const text = svg.bytes.toString('utf8');
  const width = Number(/<svg[^>]* width="(\d+)"/.exec(text)[1]);
  const height = Number(/<svg[^>]* height="(\d+)"/.exec(text)[1]);
  assert.match(text, /<metadata>/, 'the SVG carries the design');

  const png = await download('Download PNG (2×)');
  assert.match(png.name, /\.png$/);
  assert.deepEqual(pngSize(png.bytes), [2 * width, 2 * height], 'the PNG is 2x the diagram');
  console.log(`export: SVG ${width}x${height}, PNG ${pngSize(png.bytes).join('x')} (${png.bytes.length} bytes)`);

  await dialog.getByRole('radio', { name: 'Dark' }).check();
  const dark = await download('Download SVG');
  assert.notEqual(dark.bytes.toString('utf8'), text, 'dark differs from light');

  const mmd = await download('Download Mermaid (.mmd)');
  assert.match(mmd.name, /\.mmd$/);
  assert.match(mmd.bytes.toString('utf8'), /^flowchart/m);
  await page.screenshot({ path: path.join(results, 'export-dialog.png') });
  await page.keyboard.press('Escape');

  // A new board, then the SVG opened as a design file: the same design again.
  await applyPattern(page, 'monolith');
  assert.notDeepEqual(await cardNames(page), names);
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  await page.locator('input[type=file]').setInputFiles(svg.where);
  await settled(() => cardNames(page), names, 'the exported SVG opens back to the same board');
  await page.keyboard.press('Escape');

  // Print preview paints the core SVG after beforeprint.
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await page.emulateMedia({ media: 'print' });
  assert.ok(await page.locator('.print-view__diagram svg').isVisible(), 'the core SVG on paper');
  assert.equal(await visible(page, '.workspace'), false, 'the live board is not printed twice');
  await page.screenshot({ path: path.join(results, 'print-preview-svg.png'), fullPage: true });
  await page.emulateMedia({ media: 'screen' });
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
});

test('touch while presenting: a finger on a card pans instead of moving it, two fingers pinch', async (t) => {
  const { context, newPage } = await freshContext(t, { hasTouch: true });
  const page = await newPage();
  await applyPattern(page, 'microservices');
  const saved = await stored(page);
  const names = await cardNames(page);
  await page.getByRole('button', { name: 'Present', exact: true }).click();
  await settled(() => presenting(page), true, 'presenting');
  await new Promise((r) => setTimeout(r, 600)); // the entering Fit
  const cdp = await context.newCDPSession(page);
  const touch = (type, points) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: points.map(([x, y], id) => ({ x, y, id })) });
  const zoom = () =>
    page.locator('.board__canvas').evaluate((el) => Number((/scale\(([\d.]+)\)/.exec(el.style.transform) ?? [0, 1])[1]));
  const scroll = () => page.locator('.board').evaluate((el) => ({ x: el.scrollLeft, y: el.scrollTop }));

  // Pinch out in the middle of the board.
  const fitted = await zoom();
  const b = await page.locator('.board').boundingBox();
  const c = { x: b.x + b.width / 2, y: b.y + b.height / 2 };
  await touch('touchStart', [[c.x - 20, c.y]]);
  await touch('touchStart', [[c.x - 20, c.y], [c.x + 20, c.y]]);
  for (let i = 1; i <= 10; i++) await touch('touchMove', [[c.x - 20 - i * 8, c.y], [c.x + 20 + i * 8, c.y]]);
  await touch('touchEnd', []);
  await settled(async () => (await zoom()) > fitted * 1.5, true, `pinching zooms in (from ${fitted})`);

  // One finger on a card: the board pans, the card stays where it is.
  const card = page.locator('.card').first();
  const box = await card.boundingBox();
  const at = { x: Math.max(box.x + 30, b.x + 30), y: Math.max(box.y + 30, b.y + 30) };
  const s0 = await scroll();
  await touch('touchStart', [[at.x, at.y]]);
  for (let i = 1; i <= 8; i++) await touch('touchMove', [[at.x - i * 10, at.y - i * 6]]);
  await touch('touchEnd', []);
  const s1 = await scroll();
  assert.ok(s1.x - s0.x > 40 || s1.y - s0.y > 25, `one finger pans (${JSON.stringify(s0)} → ${JSON.stringify(s1)})`);
  await page.keyboard.press('Escape');
  await settled(() => presenting(page), false, 'Esc leaves');
  await settled(() => cardNames(page), names, 'no card moved');
  await new Promise((r) => setTimeout(r, 400));
  assert.equal(await stored(page), saved, 'saved board unchanged');
});
