// End-to-end: the user's saved work survives links, reloads and storage faults (issue 22,
// items 6, 7, 8 and 12). Each test starts with its own storage; the app is dist/ in Debian's
// Chromium. Screenshots land in test-results/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from './chromium.mjs';
import { serveDirectory } from './static-server.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dist = path.join(root, 'dist');
const results = path.join(root, 'test-results');

const KEY = 'tierboard.design.v1';
const BACKUP_KEY = 'tierboard.design.v1.unreadable';
const RECENTS_KEY = 'tierboard.recents.v1';
/** Longer than autosave's coalescing delay (200 ms) and its longest wait for an idle moment
 * after it (1 s). */
const SAVED = 1300;

let server;
let browser;

before(async () => {
  server = await serveDirectory(dist);
  browser = await launchChromium();
  await mkdir(results, { recursive: true });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function newPage(init) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url).origin });
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  return { page, context, errors };
}

const ready = (page) => page.getByRole('region', { name: 'Data tier' }).waitFor();
const cardNames = (page) => page.locator('.board .card .card__name').allTextContents();
const stored = (page, key) => page.evaluate((k) => localStorage.getItem(k), key);

/** Deletes the first card of the board (select it, press Delete); returns its name. */
async function deleteFirstCard(page) {
  const first = page.locator('.board .card').first();
  const name = await first.locator('.card__name').textContent();
  await first.click();
  await page.keyboard.press('Delete');
  await page.waitForFunction((n) => ![...document.querySelectorAll('.board .card .card__name')].some((e) => e.textContent === n), name);
  return name;
}

/** The share link of the default board, read from a fresh page's Share dialog. */
async function defaultLink() {
  const { page, context } = await newPage();
  await page.goto(server.url);
  await ready(page);
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const link = await page.getByRole('textbox', { name: 'Share link' }).inputValue();
  const names = await cardNames(page);
  await context.close();
  return { fragment: '#' + link.split('#')[1], names };
}

test('a link opened over own work: banner with Undo, saved at once, own board in Recent designs', async () => {
  const shared = await defaultLink();
  const { page, context, errors } = await newPage();
  await page.goto(server.url);
  await ready(page);
  const gone = await deleteFirstCard(page);
  await page.waitForTimeout(SAVED);
  const own = await cardNames(page);
  assert.ok(!own.includes(gone));

  // The link, opened in this browser as a new page load.
  await page.goto('about:blank');
  await page.goto(server.url + shared.fragment);
  await ready(page);
  await page.getByText(/Undo brings .* back/).waitFor();
  assert.deepEqual((await cardNames(page)).sort(), [...shared.names].sort(), 'the link replaced the board');
  await page.screenshot({ path: path.join(results, 'saved-work-link-banner.png') });

  // Saved as soon as it opened: a reload shows the shared design, not the old board.
  await page.waitForTimeout(SAVED);
  await page.reload();
  await ready(page);
  assert.deepEqual((await cardNames(page)).sort(), [...shared.names].sort(), 'the link design survives a reload');

  // The own board is in Recent designs and opens again.
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Share this design' });
  await dialog.locator('.recents__item').first().waitFor();
  await dialog.locator('.recents__item').first().getByRole('button', { name: /^Open / }).click();
  await page.keyboard.press('Escape');
  await page.waitForFunction((n) => ![...document.querySelectorAll('.board .card .card__name')].some((e) => e.textContent === n), gone);
  assert.deepEqual((await cardNames(page)).sort(), [...own].sort(), 'Recent designs brings the own board back');
  assert.deepEqual(errors, []);
  await context.close();
});

test('Undo right after a link opened brings the own board back', async () => {
  const shared = await defaultLink();
  const { page, context, errors } = await newPage();
  await page.goto(server.url);
  await ready(page);
  const gone = await deleteFirstCard(page);
  await page.waitForTimeout(SAVED);
  await page.goto('about:blank');
  await page.goto(server.url + shared.fragment);
  await ready(page);
  await page.getByText(/Undo brings .* back/).waitFor();
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.waitForFunction((n) => ![...document.querySelectorAll('.board .card .card__name')].some((e) => e.textContent === n), gone);
  assert.ok(!(await cardNames(page)).includes(gone), 'Undo restored the own board');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the recovery offer for an unreadable saved design survives reloads until dismissed', async () => {
  const { page, context, errors } = await newPage();
  await page.goto(server.url);
  await ready(page);
  await page.evaluate((k) => localStorage.setItem(k, '{"name": "broken'), KEY);
  await page.reload();
  await ready(page);
  const offer = page.getByText(/saved design could not be read/);
  await offer.waitFor();
  // Work on the fresh board, then reload: the offer is still there, its text still kept.
  await deleteFirstCard(page);
  await page.waitForTimeout(SAVED);
  await page.reload();
  await ready(page);
  await offer.waitFor();
  assert.equal(await stored(page, BACKUP_KEY), '{"name": "broken');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download raw text' }).click();
  assert.equal((await download).suggestedFilename(), 'tierboard-unreadable-design.json');
  await page.locator('.banner--error').getByRole('button', { name: 'Dismiss' }).click();
  await page.reload();
  await ready(page);
  await page.waitForTimeout(300);
  assert.equal(await offer.count(), 0, 'dismissed: no offer after a reload');
  assert.equal(await stored(page, BACKUP_KEY), null);
  assert.deepEqual(errors, []);
  await context.close();
});

test('storage too full for the backup: told at once, and the only copy is never overwritten', async () => {
  const full = () => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (key === 'tierboard.design.v1.unreadable') throw new DOMException('full', 'QuotaExceededError');
      return setItem.call(this, key, value);
    };
  };
  const { page, context, errors } = await newPage(full);
  await page.goto(server.url);
  await ready(page);
  await page.evaluate((k) => localStorage.setItem(k, '{"name": "broken'), KEY);
  await page.reload();
  await ready(page);
  await page.getByText(/too full to keep a copy/).waitFor();
  await page.screenshot({ path: path.join(results, 'saved-work-storage-full.png') });
  await deleteFirstCard(page);
  await page.waitForTimeout(SAVED);
  assert.equal(await stored(page, KEY), '{"name": "broken', 'autosave held off: the unreadable text is still there');
  // Once downloaded, the user has the text: autosave goes on.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download raw text' }).click();
  await download;
  // Saved in the link form (`share::saved`).
  await page.waitForFunction((k) => localStorage.getItem(k)?.startsWith('#d=1.'), KEY);
  assert.deepEqual(errors, []);
  await context.close();
});

test('one unreadable Recent designs entry is dropped alone, with a note', async () => {
  const shared = await defaultLink();
  const { page, context, errors } = await newPage();
  await page.goto(server.url);
  await ready(page);
  await deleteFirstCard(page);
  await page.waitForTimeout(SAVED);
  await page.goto('about:blank');
  await page.goto(server.url + shared.fragment);
  await ready(page);
  await page.getByText(/Undo brings .* back/).waitFor();
  await page.evaluate((k) => {
    const list = JSON.parse(localStorage.getItem(k));
    list.push({ name: 'hand-edited', saved_at: 'yesterday', design: '' });
    localStorage.setItem(k, JSON.stringify(list));
  }, RECENTS_KEY);
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Share this design' });
  await dialog.getByText(/1 entry\(s\) of this list could not be read/).waitFor();
  assert.equal(await dialog.locator('.recents__item').count(), 1, 'the readable entry is kept');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a board an earlier build saved as JSON opens once its reader is fetched; if it cannot be, nothing is lost', async () => {
  // No service worker: it would serve the chunks from its cache, past the routes below.
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, acceptDownloads: true, serviceWorkers: 'block' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(server.url);
  await ready(page);
  // The default board's design file, saved as earlier builds saved it (pretty JSON).
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export design file' }).click();
  const file = JSON.parse(await readFile(await (await download).path(), 'utf8'));
  const legacy = JSON.stringify({ ...file, name: 'saved-by-an-earlier-build' }, null, 2);
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, legacy]);

  // The JSON reader is a chunk (ui::on_demand); offline before it was cached, it cannot be
  // fetched: the page says so and starts no board, so nothing writes over the saved text.
  const chunks = /\/(split_|chunk_)[^/]*\.wasm$/;
  await page.route(chunks, (route) => route.abort());
  await page.reload();
  await page.getByText(/saved design could not be opened/).waitFor();
  await page.screenshot({ path: path.join(results, 'saved-work-reader-unavailable.png') });
  await page.waitForTimeout(SAVED);
  assert.equal(await stored(page, KEY), legacy, 'the saved JSON is untouched');

  // Back online: Try again opens it, as it was; the next change saves it in the link form.
  await page.unroute(chunks);
  await page.getByRole('button', { name: 'Try again' }).click();
  await ready(page);
  await page.waitForFunction(() => document.querySelector('.app-header__design-name')?.textContent === 'saved-by-an-earlier-build');
  assert.equal(await stored(page, KEY), legacy, 'not rewritten before a change');
  const gone = await deleteFirstCard(page);
  await page.waitForFunction((k) => localStorage.getItem(k)?.startsWith('#d=1.'), KEY);
  await page.reload();
  await ready(page);
  assert.equal(await page.locator('.app-header__design-name').textContent(), 'saved-by-an-earlier-build');
  assert.ok(!(await cardNames(page)).includes(gone), 'the edit survived the reload');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a board saved in the link form whose reader cannot be fetched: nothing is lost, Try again opens it', async () => {
  // No service worker: it would serve the chunk from its cache, past the route below.
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(server.url);
  await ready(page);
  const gone = await deleteFirstCard(page);
  await page.waitForFunction((k) => localStorage.getItem(k)?.startsWith('#d=1.'), KEY);
  const saved = await stored(page, KEY);

  // The share link's reader is a chunk (ui::on_demand::read_link); offline before it was cached,
  // the page says so and starts no board, so nothing writes over the saved board.
  const reader = /\/(early|split)_read_link-[^/]*\.wasm$/; // the reader's pack, and its own chunk
  await page.route(reader, (route) => route.abort('internetdisconnected'));
  await page.reload();
  await page.getByText(/saved design could not be opened/).waitFor();
  await page.waitForTimeout(SAVED);
  assert.equal(await stored(page, KEY), saved, 'the saved board is untouched');

  await page.unroute(reader);
  await page.getByRole('button', { name: 'Try again' }).click();
  await ready(page);
  assert.ok(!(await cardNames(page)).includes(gone), 'the saved board opened, with its edit');
  assert.equal(await stored(page, KEY), saved);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the share link writer is a chunk: a first visit fetches it only after the board; without it a change is not saved, says so, and the last save stays', async () => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await page.goto(server.url);
  await ready(page);
  // By the time the board is up, nothing of the link's writer was asked for.
  assert.ok(!fetched.some((p) => /split_to_saved/.test(p)), `fetched: ${fetched.filter((p) => p.includes('split_'))}`);

  // An edit is saved in the link form (the writer's chunk).
  const gone = await deleteFirstCard(page);
  await page.waitForFunction((k) => localStorage.getItem(k)?.startsWith('#d=1.'), KEY);
  const saved = await stored(page, KEY);

  // Offline before the chunks were cached: the saved board opens all the same (its reader is in
  // the first download), but a change cannot be written; the banner says so, the save stays.
  const chunks = /\/(split_|chunk_)[^/]*\.wasm$/;
  await page.route(chunks, (route) => route.abort());
  await page.reload();
  await ready(page);
  assert.ok(!(await cardNames(page)).includes(gone), 'the saved board opened, with the edit');
  await deleteFirstCard(page);
  await page.getByText(/could not save this design/).waitFor();
  await page.waitForTimeout(SAVED);
  assert.equal(await stored(page, KEY), saved, 'the last save is untouched');

  // Back online: the next change is saved.
  await page.unroute(chunks);
  const second = await deleteFirstCard(page);
  await page.waitForFunction(([k, old]) => localStorage.getItem(k) !== old, [KEY, saved]);
  await page.reload();
  await ready(page);
  assert.ok(!(await cardNames(page)).includes(second), 'the later edit survived the reload');
  assert.deepEqual(errors, []);
  await context.close();
});
