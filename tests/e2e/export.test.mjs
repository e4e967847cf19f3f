// End-to-end: an SVG exported by the CLI (`tierboard diagram`) opened in the web app through
// Share → "Open design file" restores the board it was drawn from, and an SVG without a design
// is refused with the board kept. Needs dist/ and the native CLI (TIERBOARD_BIN, else
// $CARGO_TARGET_DIR/debug/tierboard or target/debug/tierboard), built first when missing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from './chromium.mjs';
import { serveDirectory } from './static-server.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dist = path.join(root, 'dist');
const results = path.join(root, 'test-results');
const cli =
  process.env.TIERBOARD_BIN ??
  path.join(process.env.CARGO_TARGET_DIR ?? path.join(root, 'target'), 'debug', 'tierboard');

let server;
let browser;

before(async () => {
  // Never skipped: the CLI is built when it is not there yet (a no-op after `cargo test`).
  if (!process.env.TIERBOARD_BIN && !existsSync(cli)) {
    execFileSync('cargo', ['build', '--quiet', '--bin', 'tierboard'], { cwd: root, stdio: 'inherit' });
  }
  server = await serveDirectory(dist);
  browser = await launchChromium();
  await mkdir(results, { recursive: true });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function open() {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(server.url);
  await page.getByRole('region', { name: 'Data tier' }).waitFor();
  return { page, context, errors };
}

const designName = (page) => page.locator('.app-header__design-name').textContent();

/** Share dialog → the "Open design file" input, given `name` with `text`. */
async function openFile(page, name, text) {
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Share this design' });
  await dialog.waitFor();
  await dialog.getByLabel('Open design file').setInputFiles({
    name,
    mimeType: 'image/svg+xml',
    buffer: Buffer.from(text),
  });
  return dialog;
}

test('an exported SVG opens as the design it was drawn from', async () => {
  const design = execFileSync(cli, ['new', 'event-driven'], { encoding: 'utf8' });
  const svg = execFileSync(cli, ['diagram', '-'], { input: design, encoding: 'utf8' });
  const { page, context, errors } = await open();
  assert.notEqual(await designName(page), 'event-driven');
  await openFile(page, 'event-driven.svg', svg);
  await page.getByText(/Opened “event-driven” from a design file/).waitFor();
  assert.equal(await designName(page), 'event-driven');
  for (const service of ['traefik', 'kafka', 'processor']) {
    await page.locator('.card', { hasText: service }).first().waitFor();
  }
  await page.keyboard.press('Escape');
  await page.getByRole('dialog', { name: 'Share this design' }).waitFor({ state: 'detached' });
  await page.screenshot({ path: path.join(results, 'export-open-svg.png') });
  assert.deepEqual(errors, []);
  await context.close();
});

test('an SVG without a design is refused and the board is kept', async () => {
  const { page, context, errors } = await open();
  const before = await designName(page);
  const dialog = await openFile(page, 'drawing.svg', '<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>');
  await dialog.getByText(/holds no Tierboard design/).waitFor();
  assert.equal(await designName(page), before);
  assert.deepEqual(errors, []);
  await context.close();
});
