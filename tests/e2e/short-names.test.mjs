// Short names between the app's wasm and its glue (scripts/short-names.mjs): the built site's
// wasm imports and the shims it exports carry no long wasm-bindgen name, the glue names none of
// them either, index.html's integrity is each file's, and the step is repeatable on its output.
// (That the app runs with them is every other e2e test.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import binaryen from 'binaryen';
import { renameInWasm, shortenNames } from '../../scripts/short-names.mjs';
import { sri } from '../../scripts/ship-chunks.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dist = process.env.E2E_DIST ? path.resolve(root, process.env.E2E_DIST) : path.join(root, 'dist');
const appFiles = async (dir) => {
  const js = (await readdir(dir)).find((f) => /^tierboard-web-[0-9a-f]{16}\.js$/.test(f));
  return { js, wasm: js.replace(/\.js$/, '_bg.wasm') };
};

test('the built app imports from its glue and exports its shims under short names only', async () => {
  const { js, wasm } = await appFiles(dist);
  const module = await WebAssembly.compile(await readFile(path.join(dist, wasm)));
  const fromGlue = WebAssembly.Module.imports(module).filter((i) => i.module === './tierboard-web_bg.js');
  assert.ok(fromGlue.length > 100, `the app imports its glue's functions (${fromGlue.length})`);
  for (const { name } of fromGlue) assert.match(name, /^[a-zA-Z]{1,2}$/, 'an import from the glue');
  const exports = WebAssembly.Module.exports(module).map((e) => e.name);
  assert.ok(exports.some((e) => /^\$\d+$/.test(e)), `the closure shims: ${exports}`);
  assert.ok(!exports.some((e) => e.startsWith('wasm_bindgen_')), `no long shim name is left: ${exports}`);
  const glue = await readFile(path.join(dist, js), 'utf8');
  assert.doesNotMatch(glue, /__wbg_[A-Za-z0-9_]*_[0-9a-f]{16}\b/, 'the glue names no import by its long name');
  assert.doesNotMatch(glue, /wasm_bindgen_[0-9a-f]{16}___/, 'nor a shim');
  const index = await readFile(path.join(dist, 'index.html'), 'utf8');
  for (const file of [js, wasm]) assert.ok(index.includes(sri(await readFile(path.join(dist, file)))), `index.html's integrity for ${file}`);
});

test('shortening the shipped app again changes nothing', async (t) => {
  const work = await mkdtemp(path.join(os.tmpdir(), 'tierboard-short-names-'));
  t.after(() => rm(work, { recursive: true, force: true }));
  const { js, wasm } = await appFiles(dist);
  for (const file of [js, wasm, 'index.html']) await cp(path.join(dist, file), path.join(work, file));
  await shortenNames(work);
  for (const file of [js, wasm, 'index.html']) {
    assert.deepEqual(await readFile(path.join(work, file)), await readFile(path.join(dist, file)), file);
  }
});

test('renaming keeps every other byte of a module, which then links under the new names', async () => {
  const bytes = Buffer.from(
    binaryen
      .parseText(
        `(module
           (import "m" "long_import_name" (func $f (param i32) (result i32)))
           (memory (export "memory") 1)
           (func (export "long_export_name") (param i32) (result i32) (call $f (local.get 0))))`,
      )
      .emitBinary(),
  );
  const { instance: before } = await WebAssembly.instantiate(bytes, { m: { long_import_name: (x) => x + 1 } });
  assert.equal(before.exports.long_export_name(41), 42);
  const renamed = renameInWasm(bytes, (kind, module, name) =>
    kind === 'import' ? 'a' : name === 'long_export_name' ? '$0' : name,
  );
  const { instance } = await WebAssembly.instantiate(renamed, { m: { a: (x) => x * 2 } });
  assert.equal(instance.exports.$0(21), 42);
  assert.deepEqual(WebAssembly.Module.exports(new WebAssembly.Module(renamed)).map((e) => e.name), ['memory', '$0']);
  assert.equal(renamed.length, bytes.length - 'long_import_name'.length - 'long_export_name'.length + 3);
});
