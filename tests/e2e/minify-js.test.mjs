// The site's scripts as finish-site ships them (scripts/minify-js.mjs): minified, with
// index.html's integrity computed for the minified bytes, and the hook repeatable on its output.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MARK, minifyScripts } from '../../scripts/minify-js.mjs';
import { sri } from '../../scripts/ship-chunks.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dist = path.join(root, process.env.E2E_DIST ?? 'dist');
const scripts = async (dir) => (await readdir(dir)).filter((f) => f.endsWith('.js') && f !== 'sw.js').sort();

test('every script of the built site is minified, and index.html names it by its minified bytes', async () => {
  const index = await readFile(path.join(dist, 'index.html'), 'utf8');
  const files = await scripts(dist);
  assert.ok(files.some((f) => /^boot-[0-9a-f]{16}\.js$/.test(f)) && files.some((f) => /^tierboard-worker-/.test(f)), `${files}`);
  for (const file of files) {
    const bytes = await readFile(path.join(dist, file));
    assert.ok(bytes.toString('utf8').startsWith(MARK), `${file} is minified`);
  }
  // Every integrity index.html gives a script is its file's (a stale one would stop the page).
  const named = [...index.matchAll(/(?:src|href)="[^"]*\/([^"/]+\.js)"[^>]*integrity="([^"]+)"/g)];
  assert.ok(named.length >= 2, 'boot.js and the app module carry an integrity');
  for (const [, file, integrity] of named) assert.equal(integrity, sri(await readFile(path.join(dist, file))), file);
  // The worker's glue is a classic script: the global its loader calls keeps its name.
  const worker = files.find((f) => /^tierboard-worker-[0-9a-f]{16}\.js$/.test(f));
  assert.match(await readFile(path.join(dist, worker), 'utf8'), /\bwasm_bindgen\s*=/);
});

test('minifying the shipped scripts again changes nothing', async (t) => {
  const work = await mkdtemp(path.join(os.tmpdir(), 'tierboard-minify-'));
  t.after(() => rm(work, { recursive: true, force: true }));
  for (const file of await scripts(dist)) await cp(path.join(dist, file), path.join(work, file));
  const index = await readFile(path.join(dist, 'index.html'), 'utf8');
  assert.equal(await minifyScripts(work, index), index);
  for (const file of await scripts(work)) {
    assert.deepEqual(await readFile(path.join(work, file)), await readFile(path.join(dist, file)), file);
  }
});
