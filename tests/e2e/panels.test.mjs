// End-to-end: the share and import dialogs and the Resources and Files panels in the built app
// (dist/), driven in Debian's Chromium. Needs the canvas (toolbar and side panel) and
// `dialogs::open_link_on_start` called from App. Screenshots land in test-results/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from './chromium.mjs';
import { serveDirectory } from './static-server.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dist = path.join(root, 'dist');
const results = path.join(root, 'test-results');

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

/** A fresh page (own storage) with the app loaded at `hash`; collects page errors. */
async function open(hash = '') {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url).origin });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(server.url + hash);
  await page.getByRole('region', { name: 'Data tier' }).waitFor();
  return { page, context, errors };
}

const designName = (page) => page.locator('.app-header__design-name').textContent();

test('share dialog: link, copy, QR; the link opens the same design in a new page', async () => {
  const { page, context, errors } = await open();
  // Where "Export design file" is on every frame from the click until the QR code is drawn.
  await page.evaluate(() => {
    window.__exportY = [];
    const frame = () => {
      const button = [...document.querySelectorAll('[role=dialog] button')].find((b) => b.textContent === 'Export design file');
      if (button) window.__exportY.push(Math.round(button.getBoundingClientRect().y));
      if (!document.querySelector('.qr svg')) requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Share this design' });
  await dialog.waitFor();
  const link = await dialog.getByRole('textbox', { name: 'Share link' }).inputValue();
  assert.match(link, /#d=1\./);
  await dialog.getByRole('button', { name: 'Copy link' }).click();
  await dialog.getByText('Link copied.').waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);
  // The QR code is drawn by the worker (ui::offload), a moment after the dialog opens.
  await dialog.getByRole('img', { name: 'QR code of the share link' }).waitFor({ state: 'visible', timeout: 10_000 });
  // Its square is kept from the start: what is below it stays where it was shown (a click
  // aimed at it while the code arrives must not land on something else).
  const exportY = await page.evaluate(() => window.__exportY);
  assert.ok(exportY.length > 0, 'the button was seen before the QR code came');
  assert.deepEqual([...new Set(exportY)], [exportY[0]], `"Export design file" stays put: ${exportY}`);
  await page.screenshot({ path: path.join(results, 'panels-share-dialog.png') });
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });

  const name = await designName(page);
  const other = await open('#' + link.split('#')[1]);
  // The link's design is opened a task after the start (on_demand::load_design), then the
  // fragment is cleared.
  await other.page.waitForFunction(() => !location.hash.includes('d='), null, { timeout: 10_000 });
  assert.equal(await designName(other.page), name, 'the link carries the design');
  assert.deepEqual(errors, []);
  await other.context.close();
  await context.close();
});

test('a dialog takes Escape and Tab wherever the focus is', async () => {
  const { page, context, errors } = await open();
  const opener = page.getByRole('button', { name: 'Share', exact: true });
  const dialog = page.getByRole('dialog', { name: 'Share this design' });
  const focusInDialog = () => page.evaluate(() => document.activeElement?.closest('[role=dialog]') !== null);
  await opener.click();
  await dialog.waitFor();
  // The focus leaves the dialog (a key pressed before it moved in, a click on the page behind):
  // Tab brings it back in, Escape still closes the dialog and returns to the button.
  await page.evaluate(() => document.activeElement?.blur());
  assert.equal(await focusInDialog(), false);
  await page.keyboard.press('Tab');
  assert.equal(await focusInDialog(), true, 'Tab from outside goes into the dialog');
  await page.evaluate(() => document.activeElement?.blur());
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  assert.equal(await opener.evaluate((el) => el === document.activeElement), true, 'focus is back on Share');
  // And with the focus inside, as before.
  await opener.click();
  await dialog.getByRole('textbox', { name: 'Share link' }).waitFor();
  await page.waitForFunction(() => document.activeElement?.closest('[role=dialog]') !== null);
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  assert.deepEqual(errors, []);
  await context.close();
});

test('a damaged link shows a banner, keeps the design and leaves the app usable', async () => {
  const { page, context } = await open('#d=1.AAAAthis-is-not-a-design');
  await page.getByText(/Could not open the shared link/).waitFor();
  assert.ok(await page.getByRole('button', { name: 'Share', exact: true }).isEnabled());
  await page.screenshot({ path: path.join(results, 'panels-bad-link.png') });
  await context.close();
});

test('import: pasted compose replaces the board, lists notices, and Undo brings the old board back', async () => {
  const { page, context, errors } = await open();
  const before = await designName(page);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Import compose files' });
  await dialog.getByLabel('Compose YAML').fill(
    "version: '3.8'\nservices:\n  db:\n    image: postgres:16\n    shm_size: 256m\n  api:\n    image: example/api:1.0\n",
  );
  await dialog.getByRole('button', { name: 'Load design' }).click();
  await dialog.getByText('Imported 2 services.').waitFor();
  assert.ok((await dialog.locator('.import__notice').count()) > 0);
  await page.screenshot({ path: path.join(results, 'panels-import.png') });
  await page.keyboard.press('Escape');
  await page.getByRole('region', { name: 'Data tier' }).getByText('db').first().waitFor();
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.waitForFunction((b) => document.querySelector('.app-header__design-name')?.textContent === b, before);
  assert.deepEqual(errors, []);
  await context.close();
});

test('resources and files panels follow the design', async () => {
  const { page, context, errors } = await open();
  await page.getByRole('tab', { name: 'Resources' }).click();
  const cpu = page.getByLabel('Host CPU');
  await cpu.fill('1');
  await cpu.press('Enter');
  await cpu.blur();
  await page.locator('.totals__over').first().waitFor();
  // The tab counts the planner's warnings a moment after the edit (debounced).
  await page.getByRole('tab', { name: /^Resources \d+ warnings?$/ }).waitFor();
  await page.screenshot({ path: path.join(results, 'panels-resources.png') });
  await page.getByRole('tab', { name: 'Files' }).click();
  await page.locator('.files').waitFor();
  await page.screenshot({ path: path.join(results, 'panels-files.png') });
  assert.deepEqual(errors, []);
  await context.close();
});

test('download zip saves <design-name>.zip', async () => {
  const { page, context } = await open();
  const name = await designName(page);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download zip' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), `${name}.zip`);
  const file = path.join(results, 'panels-download.zip');
  await download.saveAs(file);
  const { execFileSync } = await import('node:child_process');
  const listing = execFileSync('unzip', ['-Z', file], { encoding: 'utf8' });
  assert.match(listing, new RegExp(`${name}/docker-compose.yml`));
  await context.close();
});

test('checklist: score, Fix all as one undo step, a finding selects its service', async () => {
  const { page, context, errors } = await open();
  await page.getByRole('tab', { name: 'Checklist' }).click();
  const score = page.locator('.checklist__score-value');
  const before = Number(await score.textContent());
  const service = page.locator('.check__service').first();
  const name = await service.textContent();
  await service.click();
  await page.locator('.card--selected').filter({ hasText: name }).waitFor();
  await page.getByRole('button', { name: /^Fix all/ }).click();
  await page.waitForFunction((b) => Number(document.querySelector('.checklist__score-value')?.textContent) > b, before);
  await page.screenshot({ path: path.join(results, 'panels-checklist.png') });
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.waitForFunction((b) => Number(document.querySelector('.checklist__score-value')?.textContent) === b, before);
  assert.deepEqual(errors, []);
  await context.close();
});
