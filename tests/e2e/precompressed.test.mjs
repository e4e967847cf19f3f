// The precompressed copies finish-site writes beside the built site's files (.gz by zopfli, .br
// by brotli): a host that serves them sends exactly the file, and the .gz copies are what the
// size report counts as served (scripts/size-report.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dist = path.join(root, process.env.E2E_DIST ?? 'dist');

test("every .gz and .br copy of the built site reads back as its file, and zopfli's .gz beats zlib -9 on the app's wasm", async () => {
  const files = (await readdir(dist, { recursive: true })).map(String);
  const copies = files.filter((f) => /\.(gz|br)$/.test(f));
  assert.ok(copies.some((f) => /_bg\.wasm\.gz$/.test(f)) && copies.some((f) => /^index\.html\.br$/.test(f)), `${copies.length} copies`);
  for (const copy of copies) {
    const file = copy.replace(/\.(gz|br)$/, '');
    assert.ok(files.includes(file), `${copy} has its file`);
    const packed = await readFile(path.join(dist, copy));
    const unpacked = copy.endsWith('.gz') ? zlib.gunzipSync(packed) : zlib.brotliDecompressSync(packed);
    assert.deepEqual(unpacked, await readFile(path.join(dist, file)), copy);
  }
  const wasm = files.find((f) => /^tierboard-web-[0-9a-f]+_bg\.wasm$/.test(f));
  const raw = await readFile(path.join(dist, wasm));
  const served = (await readFile(path.join(dist, `${wasm}.gz`))).length;
  assert.ok(served < zlib.gzipSync(raw, { level: 9 }).length, `${wasm}.gz: ${served} bytes`);
});
