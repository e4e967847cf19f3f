// End-to-end: the built app (dist/) served over HTTP and driven in Debian's Chromium.
//
// Run `make test-e2e` after `make build` (or `node --test tests/e2e/` with dist/ present).
// The services expected on the board come from the core itself (`cargo run --example
// opening_board`), so this test follows the catalog. Screenshots land in test-results/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from './chromium.mjs';
import { serveDirectory } from './static-server.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// E2E_DIST and E2E_PREFIX: the sub-path build served under /tierboard/ (Makefile test-e2e).
const dist = process.env.E2E_DIST ? path.resolve(root, process.env.E2E_DIST) : path.join(root, 'dist');
const results = path.join(root, 'test-results');
const TIERS = [
  ['frontend', 'Frontend tier'],
  ['backend', 'Backend tier'],
  ['data', 'Data tier'],
];

let server;
let browser;
let design;

before(async () => {
  const json = execFileSync('cargo', ['run', '--quiet', '--example', 'opening_board'], {
    cwd: root,
    encoding: 'utf8',
  });
  design = JSON.parse(json);
  server = await serveDirectory(dist);
  browser = await launchChromium();
  await mkdir(results, { recursive: true });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens the board in a fresh context; fails the test on any page error (a wasm panic included). */
async function openBoard(t, contextOptions = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...contextOptions });
  t.after(() => context.close());
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(server.url);
  await page.getByRole('region', { name: 'Data tier' }).waitFor();
  t.after(() => assert.deepEqual(errors, [], 'no errors in the page'));
  return page;
}

test('board shows the three tier lanes holding the opening pattern\'s services', async (t) => {
  const page = await openBoard(t);

  assert.equal(await page.getByRole('region').count(), 3);
  for (const [tier, label] of TIERS) {
    const lane = page.getByRole('region', { name: label });
    const expected = design.services.filter((s) => s.tier === tier).map((s) => s.name);
    const shown = await lane.getByRole('heading', { level: 3 }).allTextContents();
    assert.deepEqual(shown, expected, `${label}: the pattern's services in board order`);
  }
  await assert.doesNotReject(page.getByRole('heading', { level: 1, name: design.name }).waitFor());
  assert.equal(await page.title(), `${design.name} · Tierboard`);

  await page.screenshot({ path: path.join(results, 'board-light.png'), fullPage: true });
});

test('board follows the dark colour scheme, and data-theme overrides it', async (t) => {
  const background = (page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const light = await openBoard(t, { colorScheme: 'light' });
  const dark = await openBoard(t, { colorScheme: 'dark' });
  const lightBg = await background(light);
  const darkBg = await background(dark);
  assert.notEqual(lightBg, darkBg, 'dark scheme changes the page background');

  await dark.screenshot({ path: path.join(results, 'board-dark.png'), fullPage: true });

  await light.evaluate(() => document.documentElement.setAttribute('data-theme', 'dark'));
  assert.equal(await background(light), darkBg, 'data-theme="dark" wins over a light system scheme');
  await dark.evaluate(() => document.documentElement.setAttribute('data-theme', 'light'));
  assert.equal(await background(dark), lightBg, 'data-theme="light" wins over a dark system scheme');
});

test('first paint: the page shows a loading state in the app\'s colours before the wasm runs, and hides it after', async (t) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  t.after(() => context.close());
  const page = await context.newPage();
  await page.route(/\.wasm$/, (route) => route.abort());
  await page.goto(server.url);
  const loader = page.locator('.loader');
  await loader.waitFor({ state: 'visible' });
  assert.equal(await loader.locator('.loader__name').textContent(), 'Tierboard');
  assert.notEqual(
    await page.evaluate(() => getComputedStyle(document.querySelector('.loader')).backgroundColor),
    'rgba(0, 0, 0, 0)',
    'painted in the app\'s background colour',
  );
  await page.screenshot({ path: path.join(results, 'first-paint.png') });

  const app = await openBoard(t);
  assert.equal(await app.locator('.loader').isVisible(), false, 'hidden once the app is mounted');
});
