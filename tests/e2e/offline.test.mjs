// End-to-end: the installable, offline site (issue 17), against the release build in dist/
// (E2E_DIST and E2E_PREFIX run it on the sub-path build under /tierboard/).
//
// 1. One visit, then the network goes away: reload, edit, generate (Files panel) and download
//    the zip, Import and Share all work from the service worker's cache.
// 2. A new deployment: build B is a copy of dist/ with one visible change, finished by the same
//    post-build hook (scripts/finish-site.mjs, so it gets its own build hash, cache and sw.js);
//    the server swaps to it, the page says "a new version is ready", Reload brings B, and the
//    board the person made survives. A plain reload instead runs B at once (index.html is
//    network-first) and B's worker takes over without a notice.
// 3. Files from the operating system: compose files dropped on the window import with the
//    Import dialog's notices and one Undo; a .tierboard.json and an exported SVG open.
// Every context is audited by chromium.mjs: 0 CSP violations, 0 requests leaving the origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { auditOf, launchChromium } from './chromium.mjs';
import { serveDirectory } from './static-server.mjs';
import { afterSave, savedBodyText } from './saved-design.mjs';
import { finishSite } from '../../scripts/finish-site.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dist = process.env.E2E_DIST ? path.resolve(root, process.env.E2E_DIST) : path.join(root, 'dist');
const results = path.join(root, 'test-results');
const suffix = process.env.E2E_PREFIX ? '-subpath' : '';

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

/** A fresh context's first visit, waited on until the service worker controls the page. */
async function firstVisit(t, url, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true, ...options });
  t.after(() => context.close());
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  t.after(() => assert.deepEqual(errors, [], 'no errors in the page'));
  await page.goto(url);
  await boardShown(page);
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 20_000 });
  return { context, page };
}

const boardShown = (page) => page.getByRole('region', { name: 'Data tier' }).waitFor();
const buildOf = (page) => page.locator('meta[name="tierboard-build"]').getAttribute('content');
const dataNames = (page) => page.getByRole('region', { name: 'Data tier' }).getByRole('heading', { level: 3 }).allTextContents();

/** Polls `read` until it gives `expected` (5 s). */
async function until(read, expected) {
  let last;
  for (let i = 0; i < 50; i++) {
    last = await read();
    if (JSON.stringify(last) === JSON.stringify(expected)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.deepEqual(last, expected);
}

/** Adds a PostgreSQL service with the keyboard (one edit) and waits for autosave. */
async function addDatabase(page) {
  const before = (await dataNames(page)).length;
  await page.getByRole('button', { name: /PostgreSQL/ }).focus();
  await page.keyboard.press('Enter');
  await until(async () => (await dataNames(page)).length, before + 1);
  await afterSave(page);
  return dataNames(page);
}

/** Clicks `button` and returns the download it starts. A click that starts none fails with
 * what the page's dialogs showed (CI keeps the printed output, not the screenshots). */
async function downloadFrom(page, button) {
  try {
    const [file] = await Promise.all([page.waitForEvent('download', { timeout: 15_000 }), button.click({ timeout: 15_000 })]);
    return file;
  } catch (e) {
    const shown = await page
      .evaluate(() => [...document.querySelectorAll('[role=dialog]')].map((d) => d.innerText.replace(/\s+/g, ' ').slice(0, 400)).join(' | '))
      .catch((why) => `unreadable (${why})`);
    throw new Error(`${String(e.message).split('\n')[0]}; the page's dialogs: ${shown || 'none open'}`);
  }
}

/** Drops `files` ({name, text, type}) on the board, as the operating system's drag would. */
async function dropFiles(page, files, { screenshot } = {}) {
  const transfer = await page.evaluateHandle((files) => {
    const dt = new DataTransfer();
    for (const f of files) dt.items.add(new File([f.text], f.name, { type: f.type ?? '' }));
    return dt;
  }, files);
  const board = page.getByRole('region', { name: 'Backend tier' });
  await board.dispatchEvent('dragover', { dataTransfer: transfer });
  await page.locator('.file-drop').waitFor();
  if (screenshot) await page.screenshot({ path: path.join(results, screenshot) });
  await board.dispatchEvent('drop', { dataTransfer: transfer });
  await page.locator('.file-drop').waitFor({ state: 'detached' });
}

test('after one visit the app reloads and works offline: edit, Files, Download zip, Import, Share', async (t) => {
  const started = Date.now();
  const { context, page } = await firstVisit(t, server.url);
  const visited = Date.now();
  const scope = await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.scope));
  assert.equal(scope, server.url, 'the worker\'s scope is the base path');
  await context.setOffline(true);
  await page.reload();
  await boardShown(page);
  assert.ok(await page.evaluate(() => navigator.serviceWorker.controller != null), 'served by the worker');

  const names = await addDatabase(page);
  assert.ok(names.includes('db-2'), `the edit shows: ${names}`);

  await page.getByRole('tab', { name: /^Files/ }).click();
  await page.locator('.files').waitFor();
  const download = await downloadFrom(page, page.getByRole('button', { name: 'Download zip' }));
  const zip = await readFile(await download.path());
  assert.equal(zip.subarray(0, 4).toString('latin1'), 'PK\u0003\u0004', 'a zip archive');
  assert.ok(zip.includes(Buffer.from('docker-compose.yml')), 'with the compose file');

  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const share = page.getByRole('dialog', { name: 'Share this design' });
  const link = await share.getByRole('textbox', { name: 'Share link' }).inputValue();
  assert.match(link, /#d=1\./);
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Import compose files' });
  await dialog.getByLabel('Compose YAML').fill('services:\n  db:\n    image: postgres:16\n  api:\n    image: example/api:1.0\n');
  await dialog.getByRole('button', { name: 'Load design' }).click();
  await dialog.getByText('Imported 2 services.').waitFor();
  await page.keyboard.press('Escape');

  const audit = auditOf(context);
  assert.deepEqual(audit.violations, [], 'no CSP violation');
  assert.deepEqual(audit.foreign, [], 'no request left the origin');
  console.log(`offline: first visit until the worker controlled the page ${visited - started} ms, offline part ${Date.now() - visited} ms`);
});

/** Deployment A (dist/ as built) served, and B, its copy with one visible change finished by the
 * same post-build hook; `deployed.setDirectory(b)` deploys B. */
async function twoDeployments(t) {
  const work = await mkdtemp(path.join(os.tmpdir(), 'tierboard-deploy-'));
  t.after(() => rm(work, { recursive: true, force: true }));
  const a = path.join(work, 'a');
  const b = path.join(work, 'b');
  await cp(dist, a, { recursive: true });
  await cp(dist, b, { recursive: true });
  const index = path.join(b, 'index.html');
  const html = await readFile(index, 'utf8');
  assert.ok(html.includes('Loading the board…'));
  await writeFile(index, html.replace('Loading the board…', 'Loading the new board…'));
  const deployed = await serveDirectory(a);
  t.after(() => deployed.close());
  // No .br/.gz copies for B (the test server does not serve them; brotli on the wasm is slow).
  const { build: buildB } = await finishSite({ dir: b, publicUrl: new URL(deployed.url).pathname, compress: false });
  return { deployed, b, buildB };
}

test('a new deployment: "a new version is ready", Reload brings it, the board survives', async (t) => {
  const { deployed, b, buildB } = await twoDeployments(t);
  const { page } = await firstVisit(t, deployed.url);
  const buildA = await buildOf(page);
  assert.ok(buildA && buildB && buildA !== buildB, `two builds: ${buildA} ${buildB}`);
  const names = await addDatabase(page);

  deployed.setDirectory(b);
  await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
  const notice = page.getByRole('status').filter({ hasText: 'A new version of Tierboard is ready' });
  await notice.waitFor({ timeout: 20_000 });
  assert.equal(await buildOf(page), buildA, 'nothing swapped yet');
  await page.screenshot({ path: path.join(results, `offline-update-light${suffix}.png`) });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: path.join(results, `offline-update-dark${suffix}.png`) });
  await page.emulateMedia({ colorScheme: 'light' });

  await Promise.all([page.waitForEvent('load'), notice.getByRole('button', { name: 'Reload' }).click()]);
  await boardShown(page);
  assert.equal(await buildOf(page), buildB, 'the new build runs');
  assert.deepEqual(await dataNames(page), names, 'the board survived the reload');
  assert.equal(await page.getByText('A new version of Tierboard is ready').count(), 0);
  const caches = await page.evaluate(() => caches.keys());
  assert.deepEqual(caches, [`tierboard-${buildB}`], 'the old build\'s cache is gone');
});

test('a new deployment seen by a plain reload: the page runs it and its worker takes over silently', async (t) => {
  const { deployed, b, buildB } = await twoDeployments(t);
  const { page } = await firstVisit(t, deployed.url);
  const buildA = await buildOf(page);
  deployed.setDirectory(b);
  // index.html is network-first: the reload runs B at once (its hashed files are B's own).
  await page.reload();
  await boardShown(page);
  assert.equal(await buildOf(page), buildB);
  // B's worker installs, finds the page on its build and activates without a notice.
  await page.waitForFunction(
    (b) => caches.keys().then((keys) => keys.length === 1 && keys[0] === `tierboard-${b}`),
    buildB,
    { timeout: 20_000, polling: 200 },
  );
  assert.notEqual(buildA, buildB);
  assert.equal(await page.getByText('A new version of Tierboard is ready').count(), 0, 'no notice for the build already running');
});

test('files dropped on the window: compose imports with notices and one Undo; design file and SVG open', async (t) => {
  const { page } = await firstVisit(t, server.url);
  const designName = () => page.locator('.app-header__design-name').textContent();
  const before = await designName();

  // The app's own exports, to drop back in: the design file (Share) and the diagram SVG (Export).
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const designDownload = await downloadFrom(page, page.getByRole('button', { name: 'Export design file' }));
  const designFile = { name: designDownload.suggestedFilename(), text: await readFile(await designDownload.path(), 'utf8'), type: 'application/json' };
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const svgDownload = await downloadFrom(page, page.getByRole('button', { name: 'Download SVG' }));
  const svgFile = { name: svgDownload.suggestedFilename(), text: await readFile(await svgDownload.path(), 'utf8'), type: 'image/svg+xml' };
  await page.keyboard.press('Escape');
  assert.match(designFile.name, /\.tierboard\.json$/);
  const original = await dataNames(page);

  // Two compose files, dropped override first: merged base first, as docker compose does.
  await dropFiles(
    page,
    [
      { name: 'compose.override.yaml', text: 'services:\n  api:\n    environment:\n      LOG_LEVEL: debug\n' },
      { name: 'compose.yaml', text: "version: '3.8'\nservices:\n  db:\n    image: postgres:16\n    shm_size: 256m\n  api:\n    image: example/api:1.0\n" },
    ],
    { screenshot: `offline-drop${suffix}.png` },
  );
  const dialog = page.getByRole('dialog', { name: 'Imported compose files' });
  await dialog.getByText('Imported 2 services.').waitFor();
  assert.ok((await dialog.locator('.import__notice').count()) > 0, 'the importer\'s notices');
  await page.screenshot({ path: path.join(results, `offline-drop-imported${suffix}.png`) });
  await page.keyboard.press('Escape');
  assert.deepEqual(await dataNames(page), ['db']);
  await afterSave(page);
  assert.match(await savedBodyText(page), /LOG_LEVEL/, 'the override was merged onto the base');
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.waitForFunction((b) => document.querySelector('.app-header__design-name')?.textContent === b, before);

  // The design file and the SVG each open as the design they hold (a compose board in between).
  for (const file of [designFile, svgFile]) {
    await dropFiles(page, [{ name: 'compose.yaml', text: 'services:\n  cache:\n    image: redis:7\n' }]);
    await page.keyboard.press('Escape');
    await until(() => dataNames(page), ['cache']);
    await dropFiles(page, [file]);
    await page.waitForFunction((b) => document.querySelector('.app-header__design-name')?.textContent === b, before);
    assert.deepEqual(await dataNames(page), original, `${file.name} opens the board it holds`);
  }

  // Two design files at once are refused, the board kept.
  await dropFiles(page, [designFile, svgFile]);
  await page.getByText('Drop one design file at a time').waitFor();
  assert.deepEqual(await dataNames(page), original);
});

test('installable: the manifest parses, Chromium finds nothing against installing; a launched file imports', async (t) => {
  // A real launch needs an installed app; the page's consumer is fed as Chromium would feed it.
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  t.after(() => context.close());
  await context.addInitScript(() => {
    Object.defineProperty(window, 'launchQueue', {
      configurable: true,
      value: { setConsumer: (consumer) => (window.__launchConsumer = consumer) },
    });
  });
  const page = await context.newPage();
  await page.goto(server.url);
  await boardShown(page);
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 20_000 });

  const cdp = await context.newCDPSession(page);
  const manifest = await cdp.send('Page.getAppManifest');
  assert.deepEqual(manifest.errors, [], 'the manifest has no errors');
  const parsed = JSON.parse(manifest.data);
  assert.ok(parsed.file_handlers?.[0]?.accept?.['application/yaml'], 'compose files are handled');
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  // Playwright's contexts are incognito-like: that is the only objection allowed.
  assert.deepEqual(installabilityErrors.map((e) => e.errorId).filter((id) => id !== 'in-incognito'), []);

  await page.evaluate(() =>
    window.__launchConsumer({
      files: [{ getFile: async () => new File(['services:\n  cache:\n    image: redis:7\n'], 'compose.yaml') }],
    }),
  );
  const dialog = page.getByRole('dialog', { name: 'Imported compose files' });
  await dialog.getByText('Imported 1 service.').waitFor();
  await page.keyboard.press('Escape');
  await until(() => dataNames(page), ['cache']);
});
