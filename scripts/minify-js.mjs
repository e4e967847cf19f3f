// The site's JavaScript, minified by terser (finish-site calls it, release builds only, after
// ship-chunks and the worker's hashing). Trunk copies web/boot.js with its comments and
// wasm-bindgen writes its glue for reading: the first download carried 13.3 KB gzip of JS, of
// which minifying takes 3.3 KB (issue 18: the first download).
//
// - ES modules (the app's glue, boot.js, the split points' loader) are minified as modules: their
//   own top-level names are shortened, what they import and export keeps its name.
// - The worker's glue is a classic script (`importScripts`) that defines the global
//   `wasm_bindgen`: its top level keeps its names.
// - A file keeps its name (Trunk's or finish-site's content hash of the unminified file, which
//   decides the minified bytes); index.html's integrity for it is computed again.
// - Repeatable on its own output: a file that starts with MARK is minified already.
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { minify } from 'terser';
import { sri } from './ship-chunks.mjs';

export const MARK = '/* minified */';
/** Classic scripts: the Web Worker's glue and its loader (finish-site's hashed names). */
const CLASSIC = /^tierboard-worker(_loader)?-[0-9a-f]{16}\.js$/;

/** Minifies every script in `dir` but sw.js (written later); returns the new index.html text. */
export async function minifyScripts(dir, index) {
  for (const file of (await readdir(dir)).filter((f) => f.endsWith('.js') && f !== 'sw.js').sort()) {
    const filePath = path.join(dir, file);
    const bytes = await readFile(filePath);
    const before = bytes.toString('utf8');
    if (before.startsWith(MARK)) continue;
    const module = !CLASSIC.test(file);
    const { code } = await minify(before, {
      module,
      ecma: 2020,
      compress: { passes: 2 },
      mangle: true,
      format: { preamble: MARK },
    });
    if (!code) throw new Error(`minify-js: terser gave nothing for ${file}`);
    await writeFile(filePath, code);
    index = index.replaceAll(sri(bytes), sri(Buffer.from(code)));
  }
  return index;
}
