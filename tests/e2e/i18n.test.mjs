// End-to-end: the interface in German and French (issue 16). The language comes from the
// browser (locale), the stored choice or `?lang=`; `<html lang>` follows it; the toolbar's
// switcher changes it without touching the design or its history, and a reload keeps it.
//
// No English label may be left in the header, the palette, the board or any dialog: ENGLISH
// lists the English labels of each area (one array per area, so the next translated area adds
// its own). A label counts as left when a text node, an aria-label, a title or a placeholder
// equals it, or, for a label of several words, contains it. Words that are the same in German or French
// ("Frontend", "Backend", "Link", "Zoom", "Mermaid") are not listed.
//
// Screenshots in de and fr at 1366x768 and 768x1024 land in test-results/ (look at them:
// German captions are long, and the header must not overflow).
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

/** The English labels, per area. Extend an area's array, or add an area, as more is translated. */
const ENGLISH = {
  header: [
    'Skip to board', 'Board actions', 'Start from a pattern', 'Patterns…', 'New',
    'Start an empty board (undoable)', 'Undo', 'Undo (Ctrl+Z)', 'Redo', 'Redo (Ctrl+Shift+Z)',
    'Share', 'Import', 'Download zip', 'Export', 'Theme: Auto (follows the system)',
    'Switch between system, light and dark colours', 'Language',
  ],
  palette: [
    'Service catalog', 'Search services', 'Search the catalog',
    'Drag into a tier, or press Enter to add. Press ? for shortcuts.', 'Data',
  ],
  board: [
    'Frontend tier', 'Backend tier', 'Data tier',
    'No services in this tier yet. Drag one here from the catalog.',
    'Has a healthcheck', 'No healthcheck', 'no health', 'Published on the host', 'Facts',
    'Drag to another service to connect', 'to another service', 'net:', 'internal',
    'depends on', 'Zoom out', 'Zoom out (-)', 'Zoom in', 'Zoom in (+)', 'Reset to 100 %',
    ', reset to 100 %', 'Fit', 'Fit (0)', 'Fit the board in view', 'Tidy', 'Tidy (one undo step)',
    'Tidy: reorder cards within their tiers to reduce crossing links',
    'reachable from the outside through published ports', 'internal: no route to the outside',
  ],
  dialogs: [
    'Close', 'Import compose files', 'Compose YAML', 'Choose files', 'Load design',
    'Several files are merged in the order chosen',
    'Share this design', 'The whole design travels in the link itself', 'Share link',
    'Copy link', 'Copy view link', 'A read-only link: it opens as a presentation',
    ' characters', 'QR code of the share link', 'Design files and links', 'Export design file',
    'Open design file', 'Link to open', 'Paste a Tierboard link', 'Open link', 'Recent designs',
    'Designs you put aside by opening another appear here.',
    'Export a picture or text', 'Picture', 'Colours', 'Light', 'Dark', 'Download SVG',
    'Download PNG (2×)', 'Copy image', 'The SVG carries the design', 'Copy Mermaid',
    'Download Mermaid (.mmd)', 'A flowchart for README files',
  ],
  shortcuts: [
    'Keyboard shortcuts', 'Moving around', 'Editing', 'Catalog', 'Enter / Space',
    'Select the focused card or link', 'Escape', 'This list', 'Duplicate the selection',
    'Select every service', 'Delete / Backspace', 'Remove the selection', 'Double click',
    'Rename the card', 'Enter in the search', 'Add it to its tier',
  ],
};

/** The toolbar's dialog buttons in each language (to open them by their translated names). */
const BUTTONS = {
  de: { share: 'Teilen', import: 'Importieren', export: 'Exportieren', language: 'Sprache', undo: 'Rückgängig', data: 'Schicht Daten' },
  fr: { share: 'Partager', import: 'Importer', export: 'Exporter', language: 'Langue', undo: 'Annuler', data: 'Tier Données' },
  en: { share: 'Share', import: 'Import', export: 'Export', language: 'Language', undo: 'Undo', data: 'Data tier' },
};

let server;
let browser;
let axeSource;

before(async () => {
  server = await serveDirectory(dist);
  browser = await launchChromium();
  await mkdir(results, { recursive: true });
  axeSource = await readFile(path.join(root, 'node_modules/axe-core/axe.min.js'), 'utf8');
});

/** axe-core's serious and critical violations (translated names must still match what shows). */
async function axe(page) {
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) {
    // Evaluated, not a script tag: the page's CSP refuses inline scripts.
    await page.evaluate(`${axeSource}\n;undefined`);
  }
  const violations = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 3) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

after(async () => {
  await browser?.close();
  await server?.close();
});

/** A fresh context (empty storage) at `query`; fails the test on any page error. */
async function open(t, { query = '', lang = 'en', viewport = { width: 1366, height: 768 }, locale } = {}) {
  const context = await browser.newContext({ viewport, ...(locale ? { locale } : {}) });
  t.after(() => context.close());
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(server.url + query);
  await page.getByRole('region', { name: BUTTONS[lang].data }).waitFor();
  t.after(() => assert.deepEqual(errors, [], 'no errors in the page'));
  return page;
}

/** The English labels of `areas` found under the elements of `selectors` (see the file's head). */
async function englishLeft(page, selectors, areas) {
  const labels = areas.flatMap((a) => ENGLISH[a]);
  return page.evaluate(({ selectors, labels }) => {
    const strings = [];
    for (const sel of selectors) {
      for (const el of document.querySelectorAll(sel)) {
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const s = n.nodeValue.trim();
          if (s) strings.push(s);
        }
        for (const e of [el, ...el.querySelectorAll('*')]) {
          for (const a of ['aria-label', 'title', 'placeholder']) {
            const v = e.getAttribute(a);
            if (v) strings.push(v.trim());
          }
        }
      }
    }
    const left = [];
    for (const label of labels) {
      const hit = strings.find((s) => s === label || (label.includes(' ') && s.includes(label)));
      if (hit !== undefined) left.push(`${label}  ←  ${hit}`);
    }
    return { left, strings: strings.length };
  }, { selectors, labels });
}

async function assertNoEnglish(page, selectors, areas, where) {
  const { left, strings } = await englishLeft(page, selectors, areas);
  assert.ok(strings > 5, `${where}: found texts to check (${strings})`);
  assert.deepEqual(left, [], `${where}: English labels left`);
}

const PAGE = ['.skip-link', '.app-header', '.palette', '.board-frame', '.banner'];

for (const lang of ['de', 'fr']) {
  test(`?lang=${lang}: <html lang>, and no English label on the page or in any dialog`, async (t) => {
    const page = await open(t, { query: `?lang=${lang}`, lang });
    assert.equal(await page.getAttribute('html', 'lang'), lang);
    await assertNoEnglish(page, PAGE, ['header', 'palette', 'board'], `${lang} page`);
    assert.deepEqual(await axe(page), [], `${lang}: axe-core on the board`);

    const names = BUTTONS[lang];
    for (const [button, areas] of [['import', ['dialogs']], ['share', ['dialogs']], ['export', ['dialogs']]]) {
      await page.getByRole('button', { name: names[button], exact: true }).click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      // The dialog's frame and content come from their chunks (on_demand): wait for the content.
      await page.locator('[role=dialog] .on-demand').waitFor({ state: 'detached' });
      await assertNoEnglish(page, ['[role=dialog]'], areas, `${lang} ${button} dialog`);
      assert.deepEqual(await axe(page), [], `${lang}: axe-core with the ${button} dialog open`);
      if (button === 'share') {
        const link = await page.locator('.share__link').inputValue();
        assert.ok(!link.includes('lang='), `the share link leaves the reader's language out: ${link}`);
      }
      await page.screenshot({ path: path.join(results, `i18n-${lang}-${button}.png`) });
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
    }

    await page.locator('body').click({ position: { x: 2, y: 2 } });
    await page.keyboard.press('?');
    await page.getByRole('dialog').waitFor();
    await page.locator('[role=dialog] .on-demand').waitFor({ state: 'detached' });
    await assertNoEnglish(page, ['[role=dialog]'], ['dialogs', 'shortcuts'], `${lang} shortcut help`);
    await page.screenshot({ path: path.join(results, `i18n-${lang}-shortcuts.png`) });
    await page.keyboard.press('Escape');

    // An empty tier shows its hint, a search without match says so: both translated too.
    await page.locator('.palette__search').fill('zzzz-no-such-kind');
    await assertNoEnglish(page, PAGE, ['palette'], `${lang} palette without match`);
    assert.ok(await page.locator('.palette__empty').isVisible(), 'the "no match" line is shown');
  });

  for (const viewport of [{ width: 1366, height: 768 }, { width: 768, height: 1024 }]) {
    test(`${lang} at ${viewport.width}x${viewport.height}: the header fits (screenshot)`, async (t) => {
      const page = await open(t, { query: `?lang=${lang}`, lang, viewport });
      const overflow = await page.evaluate(() => {
        const bad = [];
        if (document.documentElement.scrollWidth > window.innerWidth) bad.push('the page is wider than the window');
        // The switcher stays in view (on a tablet the toolbar scrolls sideways, by design).
        const sw = document.querySelector('.lang-switcher').getBoundingClientRect();
        if (sw.left < 0 || sw.right > window.innerWidth || sw.width === 0) bad.push('the language switcher is out of view');
        // At projector width the whole toolbar shows, without scrolling.
        const toolbar = document.querySelector('.app-header .toolbar');
        if (window.innerWidth >= 1366 && toolbar.scrollWidth > toolbar.clientWidth) bad.push('the toolbar scrolls at 1366 px');
        // A caption on two lines, or cut inside its button, looks broken.
        for (const b of document.querySelectorAll('.app-header button, .app-header select, .zoom-controls button')) {
          const range = document.createRange();
          range.selectNodeContents(b);
          const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
          if (tops.size > 1) bad.push(`"${b.textContent.trim()}" wraps`);
          if (b.tagName === 'BUTTON' && b.scrollWidth > b.clientWidth + 1) bad.push(`"${b.textContent.trim()}" is cut`);
        }
        const zoom = document.querySelector('.zoom-controls').getBoundingClientRect();
        if (zoom.right > window.innerWidth || zoom.left < 0) bad.push('the zoom controls leave the window');
        return bad;
      });
      await page.screenshot({ path: path.join(results, `i18n-${lang}-${viewport.width}x${viewport.height}.png`) });
      assert.deepEqual(overflow, [], 'nothing in the header overflows or wraps');
    });
  }
}

test('a German browser gets the German interface; English and unknown languages stay English', async (t) => {
  const de = await open(t, { locale: 'de-DE', lang: 'de' });
  assert.equal(await de.getAttribute('html', 'lang'), 'de');
  assert.equal(await de.locator('.lane__title').last().textContent(), 'Daten');
  const it = await open(t, { locale: 'it-IT', lang: 'en' });
  assert.equal(await it.getAttribute('html', 'lang'), 'en');
  // ?lang= beats the browser.
  const fr = await open(t, { locale: 'de-DE', query: '?lang=fr', lang: 'fr' });
  assert.equal(await fr.getAttribute('html', 'lang'), 'fr');
});

test('the switcher changes the language, keeps the design and its history, and survives a reload', async (t) => {
  const page = await open(t);
  const design = () => page.evaluate(() => localStorage.getItem('tierboard.design.v1'));
  const undo = page.locator('.toolbar__group button').first();
  const redo = page.locator('.toolbar__group button').nth(1);
  const cards = page.locator('.board .card');

  // One edit: the history holds exactly one step.
  assert.ok(await undo.isDisabled(), 'a fresh board has nothing to undo');
  const before = await cards.count();
  await page.locator('.palette-entry').first().click();
  await assertCount(cards, before + 1);
  await page.waitForFunction(() => localStorage.getItem('tierboard.design.v1') !== null);
  await page.waitForTimeout(400);
  const saved = await design();
  assert.ok(saved, 'the design was saved');

  const switcher = page.getByRole('combobox', { name: 'Language', exact: true });
  assert.deepEqual(
    await switcher.locator('option').allTextContents(),
    ['English', 'Deutsch', 'Français'],
    'each language by its own name',
  );
  // Keyboard: focus the switcher and pick German (after English) with the arrow key.
  await switcher.focus();
  await page.keyboard.press('ArrowDown');
  await page.getByRole('region', { name: 'Schicht Daten' }).waitFor();
  assert.equal(await page.getAttribute('html', 'lang'), 'de');
  assert.equal(await page.evaluate(() => localStorage.getItem('tierboard.lang')), 'de');
  await page.waitForTimeout(400);
  assert.equal(await design(), saved, 'switching does not touch the design');
  assert.equal(await cards.count(), before + 1);
  assert.ok(!(await undo.isDisabled()), 'the undo step is still there');
  assert.ok(await redo.isDisabled(), 'and nothing was added to redo');
  assert.equal(await undo.getAttribute('aria-label'), 'Rückgängig');
  await undo.click();
  await assertCount(cards, before);
  assert.ok(await undo.isDisabled(), 'exactly the one step was undone: the history is unchanged');
  await redo.click();
  await assertCount(cards, before + 1);

  // The stored choice survives a reload.
  await page.reload();
  await page.getByRole('region', { name: 'Schicht Daten' }).waitFor();
  assert.equal(await page.getAttribute('html', 'lang'), 'de');
  assert.equal(await page.getByRole('combobox', { name: 'Sprache', exact: true }).inputValue(), 'de');

  // With ?lang= in the address, the switcher rewrites it, so a reload keeps the new choice.
  await page.goto(server.url + '?lang=de');
  await page.getByRole('combobox', { name: 'Sprache', exact: true }).selectOption('fr');
  await page.getByRole('region', { name: 'Tier Données' }).waitFor();
  assert.match(page.url(), /[?&]lang=fr/);
  await page.reload();
  await page.getByRole('region', { name: 'Tier Données' }).waitFor();
  assert.equal(await page.getAttribute('html', 'lang'), 'fr');
});

async function assertCount(locator, n) {
  for (let i = 0; i < 50; i++) {
    if ((await locator.count()) === n) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.equal(await locator.count(), n);
}

test('the loader speaks the language the app will start in, before the wasm arrives', async (t) => {
  for (const [options, expected, lang] of [
    [{ locale: 'de-DE' }, 'Das Board wird geladen …', 'de'],
    [{ locale: 'de-DE', query: '?lang=fr' }, 'Chargement du tableau…', 'fr'],
    [{ locale: 'it-IT' }, 'Loading the board…', 'en'],
  ]) {
    const context = await browser.newContext({ locale: options.locale });
    t.after(() => context.close());
    const page = await context.newPage();
    // Hold the wasm back: the loader is what a person on a slow network reads meanwhile.
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    await page.route('**/*.wasm', async (route) => { await held; await route.continue(); });
    await page.goto(server.url + (options.query ?? ''));
    await page.waitForFunction((text) => document.querySelector('.loader__text')?.textContent === text, expected);
    assert.equal(await page.getAttribute('html', 'lang'), lang);
    release();
    await page.getByRole('region', { name: BUTTONS[lang].data }).waitFor();
  }
});
