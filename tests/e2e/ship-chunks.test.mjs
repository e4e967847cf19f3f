// wasm-split-cli's loader as scripts/ship-chunks.mjs reads it (parseLoader): the chunks and split
// points it declares, or the build fails on anything else. (The loader it writes from them is
// what every e2e test of the parts runs.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLoader } from '../../scripts/ship-chunks.mjs';

const PRELUDE = 'import { initSync } from "./tierboard-web.js";\nfunction makeLoad(fetcher, deps) {\n}\n';
const fetching = (file) =>
  `() => {\n    const src = fetch(new URL("./${file}", import.meta.url));\n    src.catch(() => {});\n` +
  `    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));\n}\n`;
const chunk = (n) => `/* inspector, share */\nconst __chunk_${n} = makeLoad(${fetching(`chunk_${n}.wasm`)}, []);\n`;
const part = (name, deps) =>
  `export const __wasm_split_load_${name} = wrapAsyncCb(makeLoad(${fetching(`split_${name}.wasm`)}, [${deps.map((n) => `__chunk_${n}`).join(', ')}]));\n`;

test('the loader wasm-split writes: its prelude, its chunks by number, its parts with the chunks they need', () => {
  const text = PRELUDE + chunk(32) + chunk(33) + part('inspector', [32, 33]) + part('share', [33]) + part('tidy_order', []);
  const { prelude, chunks, parts } = parseLoader(text);
  assert.equal(prelude, PRELUDE);
  assert.deepEqual(chunks, ['32', '33']);
  assert.deepEqual(parts, [
    { name: 'inspector', file: 'split_inspector.wasm', deps: ['32', '33'] },
    { name: 'share', file: 'split_share.wasm', deps: ['33'] },
    { name: 'tidy_order', file: 'split_tidy_order.wasm', deps: [] },
  ]);
});

test('anything else in the loader fails the build', () => {
  const good = PRELUDE + chunk(32);
  assert.throws(() => parseLoader(`${good}const extra = 1;\n`), /is not a chunk or a split point/);
  assert.throws(() => parseLoader(good.replace('instantiateStreaming', 'instantiate')), /is not a chunk or a split point/);
  assert.throws(() => parseLoader(good + part('share', [40])), /needs chunks 40/);
  assert.throws(() => parseLoader(chunk(32)), /no chunks after makeLoad/);
});
