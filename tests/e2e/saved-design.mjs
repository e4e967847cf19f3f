// The design a page has saved (autosave's `tierboard.design.v1`), as the design file's JSON, for
// tests that check what was written. Autosave keeps the design's share link (`#d=1.…`,
// `share::saved`), which only Tierboard reads: the link is opened in a fresh browser context (its
// own storage, so the page under test is untouched) and that board's Share dialog exports the
// design file. A value that is JSON (saved by an earlier build, or a design no link holds) is
// parsed as it is.
import { readFile } from 'node:fs/promises';

export const KEY = 'tierboard.design.v1';

/** Waits until autosave has written the last edit: its delay (200 ms), then an idle callback of
 * the page's own, which runs after autosave's (it writes in an idle moment; idle callbacks run in
 * the order they were asked for). */
export async function afterSave(page) {
  await page.waitForTimeout(250);
  await page.evaluate(() => new Promise((resolve) => requestIdleCallback(() => resolve(), { timeout: 3000 })));
}

/** The stored text itself (`null` when nothing is saved). */
export const storedText = (page) => page.evaluate((k) => localStorage.getItem(k), KEY);

/** The saved design as a design file object, or `null` when nothing is saved. */
export async function savedDesign(page) {
  const text = await storedText(page);
  if (text === null) return null;
  if (!text.startsWith('#d=')) return JSON.parse(text);
  const context = await page.context().browser().newContext({ viewport: { width: 1400, height: 900 } });
  try {
    const reader = await context.newPage();
    const url = new URL(page.url());
    url.hash = '';
    url.search = '';
    await reader.goto(url.href + text);
    await reader.getByRole('region', { name: 'Data tier' }).waitFor();
    await reader.getByRole('button', { name: 'Share', exact: true }).click();
    const download = reader.waitForEvent('download');
    await reader.getByRole('button', { name: 'Export design file' }).click();
    return JSON.parse(await readFile(await (await download).path(), 'utf8'));
  } finally {
    await context.close();
  }
}

/** Waits until the saved design satisfies `test` (autosave writes after an edit, see [afterSave]). */
export async function waitForSaved(page, test, timeout = 10_000) {
  const until = Date.now() + timeout;
  let last = await storedText(page);
  let design = await savedDesign(page);
  while (!test(design)) {
    if (Date.now() > until) throw new Error(`the saved design never matched: ${JSON.stringify(design)?.slice(0, 400)}`);
    await page.waitForFunction((prev) => localStorage.getItem('tierboard.design.v1') !== prev, last, { timeout: Math.max(1, until - Date.now()) });
    last = await storedText(page);
    design = await savedDesign(page);
  }
  return design;
}

/**
 * The saved link's wire body as text (UTF-8, binary bytes replaced), read in the page itself
 * (base64url, then the envelope's 4-byte checksum and raw deflate): strings of the design appear
 * in it as they are, enough to check that a value was saved where no second page can be opened
 * (offline). JSON is returned as it is.
 */
export const savedBodyText = (page) =>
  page.evaluate(async (k) => {
    const text = localStorage.getItem(k) ?? '';
    if (!text.startsWith('#d=1.')) return text;
    const b64 = text.slice(5).replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4)), (c) => c.charCodeAt(0));
    const stream = new Blob([bytes.slice(4)]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
    return new TextDecoder().decode(await new Response(stream).arrayBuffer());
  }, KEY);
