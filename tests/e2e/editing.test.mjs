// End-to-end: fast, forgiving editing (issue 15) — keyboard only, touch on a tablet, copy and
// paste between two boards, multi-selection, the context menu, catalog search, and axe-core on
// the board, each side panel tab and each dialog (0 serious or critical violations).
//
// Runs against dist/ like the other e2e files. The opening board is the web-app pattern:
// traefik | app, worker | db, redis. Figures the issue asks for are printed as `measure:` lines.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from './chromium.mjs';
import { serveDirectory } from './static-server.mjs';
import { afterSave, savedDesign } from './saved-design.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const results = path.join(root, 'test-results');
let server;
let browser;
let axeSource;

before(async () => {
  server = await serveDirectory(path.join(root, 'dist'));
  browser = await launchChromium();
  axeSource = await readFile(path.join(root, 'node_modules/axe-core/axe.min.js'), 'utf8');
  await mkdir(results, { recursive: true });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** A fresh board in a new page of `context` (a new context unless given); page errors fail the test. */
async function open(t, { context, ...options } = {}) {
  if (!context) {
    context = await browser.newContext({ viewport: { width: 1400, height: 900 }, ...options });
    t.after(() => context.close());
  }
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(server.url);
  await page.getByRole('region', { name: 'Data tier' }).waitFor();
  t.after(() => assert.deepEqual(errors, [], 'no errors in the page'));
  return page;
}

const card = (page, name) => page.locator('.card', { has: page.locator('.card__name', { hasText: new RegExp(`^${name}$`) }) });
const cardNames = (page) => page.locator('.board .card .card__name').allTextContents();
/** Waits two frames: focus moves a frame after the key that asks for it. */
const frames = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
const focusedCard = async (page) => {
  await frames(page);
  return page.evaluate(() => document.activeElement?.closest('.card')?.querySelector('.card__name')?.textContent ?? null);
};
const selectedNames = (page) => page.locator('.card--selected .card__name').allTextContents();
/** The saved design, once autosave has written the last edit. */
const design = async (page) => {
  await afterSave(page);
  return savedDesign(page);
};
const linkNames = async (page) => {
  const d = await design(page);
  const name = (id) => d.services.find((s) => s.id === id)?.name;
  return d.links.map((l) => `${name(l.from)}->${name(l.to)}`).sort();
};

/** Presses Tab until `test` holds for the focused element; returns how many Tabs it took. */
async function tabUntil(page, test, max = 80) {
  for (let n = 1; n <= max; n++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(test)) return n;
  }
  throw new Error(`not reached in ${max} Tabs`);
}

/** Runs axe-core on the page; returns the serious and critical violations. */
async function axe(page, context = 'document') {
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) {
    // Evaluated, not added as an inline <script>: the page's CSP refuses inline scripts.
    await page.evaluate(`${axeSource}\n;undefined`);
  }
  const violations = await page.evaluate(async (ctx) => {
    const r = await window.axe.run(ctx === 'document' ? document : ctx, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 3) }));
  }, context);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

test('keyboard only: skip to the board, edit the second card (rename, add a port), connect it', async (t) => {
  const page = await open(t);
  // Without the skip link: Tabs from the top of the page to the first card.
  const plain = await tabUntil(page, () => !!document.activeElement?.closest('.card') && !document.activeElement.classList.contains('skip-link'));
  await page.reload();
  await page.getByRole('region', { name: 'Data tier' }).waitFor();
  const toSkip = await tabUntil(page, () => document.activeElement?.classList.contains('skip-link'));
  assert.equal(toSkip, 1, 'the skip link is the first thing Tab reaches');
  await page.keyboard.press('Enter');
  assert.equal(await focusedCard(page), 'traefik', 'the skip link lands on the first card');
  console.log(`measure: Tabs to reach the board: ${plain} through the catalog, 1 Tab + Enter with the skip link`);

  // Focus moves with the arrows and selects nothing: down to the nearest backend card, then along.
  await page.keyboard.press('ArrowDown');
  assert.ok(['app', 'worker'].includes(await focusedCard(page)), 'down to the backend tier');
  await page.keyboard.press('ArrowLeft');
  assert.equal(await focusedCard(page), 'app');
  await page.keyboard.press('ArrowRight');
  assert.equal(await focusedCard(page), 'worker');
  await page.keyboard.press('ArrowLeft');
  assert.equal(await focusedCard(page), 'app');
  assert.deepEqual(await selectedNames(page), [], 'focus alone selects nothing');

  // Enter selects; Enter again goes to the inspector's first field, the name.
  await page.keyboard.press('Enter');
  assert.deepEqual(await selectedNames(page), ['app']);
  await page.keyboard.press('Enter');
  // The inspector renders the selection first, then takes the focus (a frame later).
  await page.waitForFunction(() => document.activeElement?.closest('.field')?.textContent?.trim().startsWith('Name'), null, { timeout: 3000 })
    .catch(() => assert.fail('the name field has the focus'));
  await page.keyboard.press('Control+A');
  await page.keyboard.type('api');
  await page.keyboard.press('Tab'); // commits the name
  assert.ok((await cardNames(page)).includes('api'), 'renamed on the board');
  // Tabbing on through the inspector keeps the same service selected.
  assert.deepEqual(await selectedNames(page), ['api']);

  // Add a port: Tab to "Add port", Enter, then type the container port.
  const portsBefore = (await design(page)).services.find((s) => s.name === 'api').ports.length;
  await tabUntil(page, () => document.activeElement?.textContent === 'Add port');
  await page.keyboard.press('Enter');
  const portsAfter = (await design(page)).services.find((s) => s.name === 'api').ports.length;
  assert.equal(portsAfter, portsBefore + 1, 'a port was added');
  assert.deepEqual(await selectedNames(page), ['api'], 'still editing the second card');

  // Connect it: "Add dependency…" opens a combobox; ArrowDown moves, Enter commits.
  await tabUntil(page, () => document.activeElement?.textContent === 'Add dependency…');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('role')), 'combobox', 'focus is in the combobox');
  const linksBefore = await linkNames(page);
  await page.keyboard.type('work');
  await page.keyboard.press('ArrowDown');
  assert.deepEqual(await linkNames(page), linksBefore, 'ArrowDown commits nothing');
  await page.keyboard.press('Enter');
  assert.ok((await linkNames(page)).includes('api->worker'), `connected: ${await linkNames(page)}`);
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Add dependency…', 'focus lands back on the button');

  // Escape in the inspector goes back to the card, still selected.
  await page.keyboard.press('Escape');
  assert.equal(await focusedCard(page), 'api');
  assert.deepEqual(await selectedNames(page), ['api']);

  // "?" lists the shortcuts; Escape closes the list and focus returns to the card.
  await page.keyboard.press('?');
  await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
  await page.keyboard.press('Escape');
  assert.equal(await page.getByRole('dialog').count(), 0);
  assert.equal(await focusedCard(page), 'api');

  // Delete: focus goes to the neighbour card.
  await page.keyboard.press('Delete');
  assert.ok(!(await cardNames(page)).includes('api'));
  assert.equal(await focusedCard(page), 'worker', 'focus on the neighbour after a delete');
  await page.screenshot({ path: path.join(results, 'editing-keyboard.png') });
});

test('touch at 768 px: tapping a card shows its inspector without scrolling; a field edit commits', async (t) => {
  const page = await open(t, { viewport: { width: 768, height: 1024 }, hasTouch: true, isMobile: true });
  const header = await page.locator('.app-header').boundingBox();
  console.log(`measure: header height at 768 px: ${Math.round(header.height)} px`);
  assert.ok(header.height < 80, `the header is one row (${header.height} px)`);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 768, `nothing widens the page (${width} px)`);
  await page.screenshot({ path: path.join(results, 'editing-tablet-closed.png') });
  const db = card(page, 'db');
  const box = await db.boundingBox();
  assert.ok(box.y + box.height <= 1024, `the data tier's first card is on screen without scrolling (${box.y})`);
  await db.tap();
  const tag = page.getByRole('textbox', { name: 'Tag', exact: true });
  await tag.waitFor();
  const field = await tag.boundingBox();
  console.log(`measure: inspector Tag field top at 768x1024 after a tap: ${Math.round(field.y)} px`);
  assert.ok(field.y >= 0 && field.y + field.height <= 1024, `the inspector is on screen (${field.y})`);
  assert.equal(await page.evaluate(() => window.scrollY), 0, 'the page did not scroll');
  await tag.fill('16.4-alpine');
  await tag.press('Enter');
  await tag.blur();
  assert.equal((await design(page)).services.find((s) => s.name === 'db').image.tag, '16.4-alpine');
  await page.screenshot({ path: path.join(results, 'editing-tablet-portrait.png') });
  // The drawer closes and the board is whole again.
  await page.getByRole('button', { name: 'Close details' }).tap();
  assert.equal(await page.getByRole('textbox', { name: 'Tag', exact: true }).count(), 0);
});

test('1024x768: the inspector opens beside the board on a tap', async (t) => {
  const page = await open(t, { viewport: { width: 1024, height: 768 }, hasTouch: true });
  await card(page, 'app').tap();
  const name = page.getByRole('textbox', { name: 'Name' });
  await name.waitFor();
  const box = await name.boundingBox();
  assert.ok(box.y + box.height <= 768, `on screen (${box.y})`);
  await page.screenshot({ path: path.join(results, 'editing-tablet-landscape.png') });
});

test('copy and paste between two boards, with the links among the copied services', async (t) => {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  t.after(() => context.close());
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  const a = await open(t, { context });
  await card(a, 'app').click();
  await card(a, 'db').click({ modifiers: ['Shift'] });
  assert.deepEqual((await selectedNames(a)).sort(), ['app', 'db']);
  await card(a, 'db').focus();
  await a.keyboard.press('Control+C');
  // The clip's JSON is written by a chunk (ui::on_demand): at once once it is loaded, a moment
  // later through navigator.clipboard when the copy comes before that.
  await a
    .waitForFunction(async () => (await navigator.clipboard.readText()).includes('tierboard-clip'), null, { timeout: 10_000 })
    .catch(() => assert.fail('the system clipboard holds the copy'));

  // A second board: a new blank one in another tab of the same browser.
  const b = await open(t, { context });
  await b.getByRole('button', { name: 'New' }).click();
  await b.locator('.board').click({ position: { x: 5, y: 5 } });
  await b.keyboard.press('Control+V');
  // The pasted text is read in a chunk (ui::on_demand): the cards follow once it is there.
  await b.waitForFunction(() => document.querySelectorAll('.board .card').length === 2);
  assert.deepEqual((await cardNames(b)).sort(), ['app', 'db']);
  assert.deepEqual(await linkNames(b), ['app->db'], 'the link between them came along');
  assert.deepEqual((await selectedNames(b)).sort(), ['app', 'db'], 'the pasted services are selected');

  // Pasting into the same board gives free names.
  await a.locator('.board').click({ position: { x: 5, y: 5 } });
  await a.keyboard.press('Control+V');
  await a.waitForFunction(() => [...document.querySelectorAll('.board .card .card__name')].some((n) => n.textContent === 'app-2'));
  const names = await cardNames(a);
  assert.ok(names.includes('app-2') && names.includes('db-2'), names.join());
  assert.ok((await linkNames(a)).includes('app-2->db-2'));
  // One undo takes the whole paste back.
  await a.keyboard.press('Control+Z');
  assert.ok(!(await cardNames(a)).includes('app-2'));
});

test('multi-select (Ctrl-click, rubber band, Ctrl+A), delete as one command, undo', async (t) => {
  const page = await open(t);
  const before = await cardNames(page);
  await card(page, 'app').click();
  await card(page, 'worker').click({ modifiers: ['Control'] });
  assert.deepEqual((await selectedNames(page)).sort(), ['app', 'worker']);
  await page.keyboard.press('Delete');
  assert.deepEqual((await cardNames(page)).sort(), ['db', 'redis', 'traefik']);
  await page.keyboard.press('Control+Z');
  assert.deepEqual(await cardNames(page), before, 'one undo brings both back');

  // Rubber band: Shift+drag over the data tier's cards.
  const lane = await page.getByRole('region', { name: 'Data tier' }).boundingBox();
  const redis = await card(page, 'redis').boundingBox();
  await page.mouse.move(lane.x + 150, lane.y + 4);
  await page.keyboard.down('Shift');
  await page.mouse.down();
  await page.mouse.move(redis.x + redis.width + 10, redis.y + redis.height + 4, { steps: 5 });
  await page.mouse.up();
  await page.keyboard.up('Shift');
  assert.deepEqual((await selectedNames(page)).sort(), ['db', 'redis'], 'the band selects what it touches');

  // Alt+Up moves the whole selection one tier up, as one undo step.
  await card(page, 'db').focus();
  await page.keyboard.press('Alt+ArrowUp');
  const backend = await page.getByRole('region', { name: 'Backend tier' }).locator('.card__name').allTextContents();
  assert.ok(backend.includes('db') && backend.includes('redis'), backend.join());
  await page.keyboard.press('Control+Z');
  assert.deepEqual(await cardNames(page), before);
  assert.deepEqual((await selectedNames(page)).sort(), ['db', 'redis'], 'still selected after undo');

  // Ctrl+D duplicates the selection; Ctrl+A selects everything.
  await page.keyboard.press('Control+D');
  const names = await cardNames(page);
  assert.ok(names.includes('db-2') && names.includes('redis-2'), names.join());
  await page.keyboard.press('Control+A');
  assert.equal((await selectedNames(page)).length, names.length);
});

test('dragging one card of a multi-selection moves the whole group, as one undo step', async (t) => {
  const page = await open(t);
  const before = await cardNames(page);
  await card(page, 'db').click();
  await card(page, 'redis').click({ modifiers: ['Control'] });
  assert.deepEqual((await selectedNames(page)).sort(), ['db', 'redis']);
  // Drag db by its body into the frontend tier (past the drag threshold, in steps).
  const from = await card(page, 'db').boundingBox();
  const lane = await page.getByRole('region', { name: 'Frontend tier' }).boundingBox();
  await page.mouse.move(from.x + 40, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(lane.x + lane.width - 20, lane.y + lane.height / 2, { steps: 12 });
  await page.mouse.up();
  await frames(page);
  const frontend = await page.getByRole('region', { name: 'Frontend tier' }).locator('.card__name').allTextContents();
  assert.ok(frontend.includes('db') && frontend.includes('redis'), `both moved: ${frontend.join()}`);
  assert.deepEqual((await selectedNames(page)).sort(), ['db', 'redis'], 'the group stays selected');
  await page.keyboard.press('Control+Z');
  await frames(page);
  assert.deepEqual(await cardNames(page), before, 'one undo puts both back');
});

test('context menu: right click, arrow keys, move to another tier; rename on the card', async (t) => {
  const page = await open(t);
  await card(page, 'worker').click({ button: 'right' });
  const menu = page.getByRole('menu');
  await menu.waitFor();
  // The menu comes from its chunk (on_demand::context_menu): its first item takes the focus
  // once it is in the page.
  await page.waitForFunction(() => document.activeElement?.getAttribute('role') === 'menuitem');
  const items = await menu.getByRole('menuitem').allTextContents();
  for (const item of ['Rename', 'Duplicate', 'Copy', 'Delete', 'Move to Data tier']) {
    assert.ok(items.includes(item), `${item} in ${items}`);
  }
  await page.keyboard.press('End');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Delete');
  await page.keyboard.press('Escape');
  assert.equal(await menu.count(), 0);
  assert.equal(await focusedCard(page), 'worker', 'Escape returns to the card');

  await card(page, 'worker').click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Move to Data tier' }).click();
  const data = await page.getByRole('region', { name: 'Data tier' }).locator('.card__name').allTextContents();
  assert.ok(data.includes('worker'), data.join());

  await card(page, 'worker').dblclick();
  const field = page.getByRole('textbox', { name: 'Service name' });
  await field.fill('jobs');
  await field.press('Enter');
  assert.ok((await cardNames(page)).includes('jobs'));
  assert.equal(await focusedCard(page), 'jobs');

  // A link's menu.
  await page.locator('.link').first().click({ button: 'right', force: true });
  const linkItems = await page.getByRole('menu').getByRole('menuitem').allTextContents();
  assert.ok(linkItems.includes('Disconnect'), linkItems.join());
  await page.keyboard.press('Escape');
});

test('catalog search finds kinds by what people type; Enter adds the only match', async (t) => {
  const page = await open(t);
  const search = page.getByRole('searchbox', { name: 'Search the catalog' });
  const shown = () => page.locator('.palette-entry').evaluateAll((els) => els.map((e) => e.dataset.kind));
  // The search comes from its chunk (on_demand::search): the first query filters once it is
  // there, every later one at once (on-demand.test.mjs checks a query typed before).
  const all = (await shown()).length;
  await search.fill('db');
  await page.waitForFunction((n) => document.querySelectorAll('.palette-entry').length < n, all);
  for (const [word, kinds] of [
    ['db', ['postgres', 'mysql']],
    ['sql', ['postgres', 'mysql']],
    ['cache', ['redis']],
    ['queue', ['rabbitmq']],
    ['broker', ['rabbitmq']],
    ['llm', ['ollama']],
    ['proxy', ['nginx']],
    ['s3', ['minio']],
    ['search', ['elasticsearch']],
    ['vector', ['qdrant']],
  ]) {
    await search.fill(word);
    const found = await shown();
    for (const k of kinds) assert.ok(found.includes(k), `${word}: ${k} in ${found}`);
  }
  await search.fill('mysql');
  assert.deepEqual(await shown(), ['mysql']);
  await search.press('Enter');
  assert.ok((await cardNames(page)).includes('mysql'), 'Enter added the single match');
});

test('axe-core: the board, every side panel tab, every dialog and the menu have no serious or critical violations', async (t) => {
  const page = await open(t);
  const report = {};
  report.board = await axe(page);
  await card(page, 'app').click();
  for (const tab of ['Inspector', 'Checklist', 'Resources', 'Files']) {
    await page.getByRole('tab', { name: new RegExp(`^${tab}`) }).click();
    report[tab] = await axe(page);
  }
  const openers = await page.locator('[aria-haspopup="dialog"]').all();
  for (const opener of openers) {
    const name = (await opener.textContent()).trim();
    await opener.click();
    await page.getByRole('dialog').waitFor();
    report[`dialog ${name}`] = await axe(page);
    await page.keyboard.press('Escape');
  }
  await page.locator('.board').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('?');
  await page.getByRole('dialog').waitFor();
  report['dialog shortcuts'] = await axe(page);
  await page.keyboard.press('Escape');
  await card(page, 'db').click({ button: 'right' });
  report['context menu'] = await axe(page);
  await page.keyboard.press('Escape');
  const tablet = await open(t, { viewport: { width: 768, height: 1024 }, hasTouch: true });
  await card(tablet, 'db').tap();
  report['tablet drawer'] = await axe(tablet);
  const failing = Object.entries(report).filter(([, v]) => v.length > 0);
  console.log(`measure: axe-core serious/critical violations: ${Object.entries(report).map(([k, v]) => `${k} ${v.length}`).join(', ')}`);
  assert.deepEqual(failing, [], JSON.stringify(failing, null, 1));
});

test('after Fix in the checklist, focus lands on the next Fix (not the page body)', async (t) => {
  const page = await open(t);
  await page.getByRole('tab', { name: /^Checklist/ }).click();
  const fixes = page.locator('.check__fix');
  // The checklist is a chunk (ui::on_demand): "Loading…" until it is there.
  await fixes.first().waitFor();
  const before = await fixes.count();
  assert.ok(before > 1, 'the starter has several fixes');
  await fixes.first().focus();
  await page.keyboard.press('Enter');
  await frames(page);
  await frames(page);
  const focused = await page.evaluate(() => document.activeElement?.className ?? '');
  assert.match(focused, /check__fix|checklist/, `focus is on "${focused}"`);
  assert.equal(await fixes.count(), before - 1, 'one rule was fixed');
});

test('pasting compose YAML from the clipboard imports it, undoably', async (t) => {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  t.after(() => context.close());
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  const page = await open(t, { context });
  await page.evaluate(() => navigator.clipboard.writeText('services:\n  web:\n    image: nginx:1.27-alpine\n  cache:\n    image: redis:7-alpine\n'));
  await page.locator('.board').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+V');
  // The importer runs in the app's worker: the board changes when its answer arrives.
  await page.waitForFunction(
    () => [...document.querySelectorAll('.board .card .card__name')].map((e) => e.textContent).sort().join() === 'cache,web',
    null,
    { timeout: 15_000 },
  );
  assert.deepEqual((await cardNames(page)).sort(), ['cache', 'web']);
  await page.keyboard.press('Control+Z');
  assert.ok((await cardNames(page)).includes('traefik'), 'undo brings the board back');
});

test('a long press on a card (touch) opens its menu', async (t) => {
  const context = await browser.newContext({ viewport: { width: 768, height: 1024 }, hasTouch: true });
  t.after(() => context.close());
  const page = await open(t, { context });
  const cdp = await context.newCDPSession(page);
  const b = await card(page, 'redis').boundingBox();
  const at = { x: b.x + b.width / 2, y: b.y + b.height / 2 };
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [at] });
  await page.waitForTimeout(700);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await page.getByRole('menu').waitFor();
  assert.ok((await page.getByRole('menuitem').allTextContents()).includes('Duplicate'));
});
