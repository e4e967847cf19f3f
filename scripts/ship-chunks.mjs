// The split points' chunks (src/ui/on_demand.rs, issue 18) into the staged site. scripts/wasm-link
// split the app's wasm right after linking and left the chunks and their loader
// (__wasm_split.js) in the target directory; Trunk then made the main module (wasm-bindgen,
// wasm-opt, a hashed name). Here, for each chunk: wasm-opt as index.html optimises the main
// module, the hash of all the chunks in its name; the loader learns the names, the main JS module's
// name, and the name the function table is exported under (wasm-link renamed it so wasm-bindgen
// keeps it); the main JS module imports the loader by its hashed name, and index.html's
// integrity for that module is computed again. The share link's reader's files (EARLY) also go
// into one pack, named by `data-early` on index.html's <meta name="tierboard-app">: web/boot.js
// fetches it beside the app's wasm when the start needs the reader (a saved board, a link), and
// the loader takes those chunks from it.
//
// Only a build whose main JS module still imports from "./__wasm_split.js" is touched: without split
// points there is nothing to do, and a site that was shipped already stays as it is (finish-site
// runs again on its own output). A loader that does not match the main module (stale chunks)
// fails the build rather than shipping a broken app.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

const LOADER = '__wasm_split.js';
/** wasm-link's name for the exported function table (as long as lld's name). */
const TABLE_EXPORT = '__wasm_split_indirect_tbl';
/** A promise resolved in a task of its own (a message, unlike a timer, is never throttled). */
const NEXT_TASK = `const nextTask = () => new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(0);
});`;
/** The split points a start can need before the board shows: the share link's reader
 * (`on_demand::read_link`) reads a saved board and a link opened on start. */
const EARLY = ['read_link'];
/** The loader's fetch of a chunk: the module web/boot.js compiled from the pack
 * (globalThis.__tierboardEarly: chunk file name → compiled module), else, or if the pack or that
 * module failed, from the network; and its instantiation, of either. */
const FROM_PACK = `const fetchChunk = (url) => {
    const early = globalThis.__tierboardEarly;
    if (early === undefined) return fetch(url);
    const name = url.pathname.slice(url.pathname.lastIndexOf('/') + 1);
    return early.then((chunks) => chunks.get(name)?.catch(() => fetch(url)) ?? fetch(url), () => fetch(url));
};
const instantiateChunk = async (source, imports) => {
    const got = await source;
    if (got instanceof WebAssembly.Module) return { module: got, instance: await WebAssembly.instantiate(got, imports) };
    return WebAssembly.instantiateStreaming(got, imports);
};`;
const WASM_HEADER = Buffer.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);
/** Unsigned LEB128, as wasm writes sizes. */
export const leb128 = (n) => {
  const out = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return Buffer.from(out);
};
/** A wasm custom section (id 0): its name, then `payload`. */
const customSection = (name, payload) => {
  const body = Buffer.concat([leb128(Buffer.byteLength(name)), Buffer.from(name), payload]);
  return Buffer.concat([Buffer.from([0]), leb128(body.length), body]);
};
/** index.html's wasm-opt settings for the app (data-wasm-opt="1" and its params). */
const WASM_OPT = ['-O1', '--enable-reference-types', '--shrink-level=2', '--converge', '--strip-debug', '--strip-producers'];

/** `name.ext` → `name-<16 hex digits of the content's SHA-256>.ext` (finish-site names the
 * worker's files so too). */
export const hashedName = (file, bytes) =>
  file.replace(/(\.\w+)$/, `-${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}$1`);
export const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

/** wasm-split-cli's loader, read into what it says: the code every chunk shares (`prelude`), the
 * chunks by number (`chunks`: wasm-split names them `chunk_<n>.wasm`) and the split points
 * (`parts`: name, file, the chunks they need). Anything but the shapes wasm-split writes fails
 * the build: a newer wasm-split must be looked at, not shipped half understood. */
export function parseLoader(text) {
  const start = text.search(/^(?:\/\* [^\n]* \*\/\n)?const __chunk_/m);
  if (start < 0 || !text.slice(0, start).includes('function makeLoad(')) throw new Error(`ship-chunks: ${LOADER} has no chunks after makeLoad`);
  const block =
    /(?:\/\* [^\n]* \*\/\n)?(?:const __chunk_(\d+) = makeLoad\(|export const __wasm_split_load_(\w+) = wrapAsyncCb\(makeLoad\()\(\) => \{\n {4}const src = fetch\(new URL\("\.\/((?:chunk|split)_\w+\.wasm)", import\.meta\.url\)\);\n {4}src\.catch\(\(\) => \{\}\);\n {4}return async \(imports\) => \(WebAssembly\.instantiateStreaming\(src, imports\)\);\n\}\n, \[([^\]]*)\]\)(\)?);\n/y;
  const chunks = [];
  const parts = [];
  block.lastIndex = start;
  while (block.lastIndex < text.length) {
    const at = block.lastIndex;
    const m = block.exec(text);
    if (!m) throw new Error(`ship-chunks: ${LOADER} at ${at} is not a chunk or a split point as wasm-split writes them: ${JSON.stringify(text.slice(at, at + 120))}`);
    const [, chunk, name, file, depList, wrapped] = m;
    const deps = depList.split(',').map((d) => d.trim()).filter(Boolean).map((d) => {
      const n = /^__chunk_(\d+)$/.exec(d);
      if (!n) throw new Error(`ship-chunks: ${LOADER}: ${file} depends on ${d}, not a chunk`);
      return n[1];
    });
    if (chunk !== undefined) {
      if (file !== `chunk_${chunk}.wasm` || wrapped || deps.length) throw new Error(`ship-chunks: ${LOADER}: chunk ${chunk} is not a plain chunk (${file}, ${deps})`);
      chunks.push(chunk);
    } else {
      if (file !== `split_${name}.wasm` || !wrapped) throw new Error(`ship-chunks: ${LOADER}: split point ${name} fetches ${file}`);
      const missing = deps.filter((d) => !chunks.includes(d));
      if (missing.length) throw new Error(`ship-chunks: ${LOADER}: ${name} needs chunks ${missing} declared after it`);
      parts.push({ name, file, deps });
    }
  }
  return { prelude: text.slice(0, start), chunks, parts };
}

/** Ships the chunks into `dir` (the staged site) from the cargo `profile`'s output (index.html:
 * `web` for release builds, `debug` otherwise); returns the files written, [] if none. */
export async function shipChunks({ dir, root, profile, targetDir = process.env.CARGO_TARGET_DIR ?? path.join(root, 'target') }) {
  const names = await readdir(dir);
  const mainJs = [];
  for (const name of names.filter((n) => /^tierboard-web-[0-9a-f]+\.js$/.test(n))) {
    if ((await readFile(path.join(dir, name), 'utf8')).includes(`from "./${LOADER}"`)) mainJs.push(name);
  }
  if (mainJs.length === 0) return [];
  if (mainJs.length > 1) throw new Error(`ship-chunks: two app modules import ${LOADER}: ${mainJs}`);
  const [main] = mainJs;
  const source = path.resolve(targetDir, 'wasm32-unknown-unknown', profile, 'deps/wasm-split/tierboard-web');
  if (!existsSync(path.join(source, LOADER))) throw new Error(`ship-chunks: ${main} needs its chunks, but ${source}/${LOADER} is missing`);

  // The main module asks the loader for exactly the functions the loader exports.
  const wasmName = main.replace(/\.js$/, '_bg.wasm');
  const module = await WebAssembly.compile(await readFile(path.join(dir, wasmName)));
  const wanted = WebAssembly.Module.imports(module).filter((i) => i.module === `./${LOADER}`).map((i) => i.name).sort();
  const { prelude, chunks, parts } = parseLoader(await readFile(path.join(source, LOADER), 'utf8'));
  const offered = parts.map((p) => `__wasm_split_load_${p.name}`).sort();
  if (JSON.stringify(wanted) !== JSON.stringify(offered)) {
    throw new Error(`ship-chunks: stale chunks in ${source}: the app imports ${wanted}, the loader offers ${offered}`);
  }
  if (!WebAssembly.Module.exports(module).some((e) => e.name === TABLE_EXPORT && e.kind === 'table')) {
    throw new Error(`ship-chunks: ${wasmName} does not export its function table as ${TABLE_EXPORT}`);
  }

  // The files of the split points a start may need before the board shows (EARLY): the part's
  // own module and the chunks it shares, as the loader asks for them.
  const early = EARLY.flatMap((name) => {
    const part = parts.find((p) => p.name === name);
    if (!part) throw new Error(`ship-chunks: ${LOADER} has no split point ${name}`);
    return [part.file, ...part.deps.map((n) => `chunk_${n}.wasm`)];
  });
  const hashed = new Map();

  const written = [];
  const fetched = new Set([...chunks.map((n) => `chunk_${n}.wasm`), ...parts.map((p) => p.file)]);
  const optimised = new Map();
  for (const chunk of (await readdir(source)).filter((n) => n.endsWith('.wasm')).sort()) {
    if (profile === 'web') {
      const out = path.join(dir, `.${chunk}`);
      execFileSync('wasm-opt', [...WASM_OPT, path.join(source, chunk), '-o', out], { stdio: 'inherit' });
      optimised.set(chunk, await readFile(out));
      await rm(out);
    } else {
      optimised.set(chunk, await readFile(path.join(source, chunk))); // debug builds: as Trunk, no wasm-opt
    }
  }
  // One hash of every chunk in every chunk's name, not each its own: a build changes every chunk
  // anyway (a chunk reaches the app's functions through their places in its function table, which
  // move with any change: from one commit to the next, none of 184 chunks kept its bytes), so
  // names of their own saved no download, and their 184 different hashes were 1.8 KB gzip of
  // the loader, which is in the first download.
  const set = createHash('sha256');
  for (const [chunk, bytes] of optimised) set.update(`${chunk}\0${bytes.length}\0`).update(bytes);
  const setHash = set.digest('hex').slice(0, 16);
  for (const [chunk, bytes] of optimised) {
    const name = chunk.replace(/\.wasm$/, `-${setHash}.wasm`);
    hashed.set(chunk, { name, bytes });
    await writeFile(path.join(dir, name), bytes);
    if (!fetched.delete(chunk)) throw new Error(`ship-chunks: ${LOADER} never fetches ${chunk}`);
    written.push(name);
  }
  if (fetched.size) throw new Error(`ship-chunks: ${LOADER} asks for ${[...fetched]} but there is no such chunk`);
  const replace = (text, from, to) => {
    if (!text.includes(from)) throw new Error(`ship-chunks: ${LOADER} has no ${from}`);
    return text.replaceAll(from, to);
  };
  let loader = prelude;
  loader = replace(loader, 'from "./tierboard-web.js"', `from "./${main}"`);
  loader = replace(loader, 'const { __indirect_function_table,', `const { ${TABLE_EXPORT}: __indirect_function_table,`);
  // Each chunk is asked for in a task of its own. The loader fetched a part and all the chunks
  // it shares with other parts in one go. On the first screen that meant the inspector and the
  // tab badges: 46 chunks, their fetch() calls in one task of 50-70 ms, right when the first tap
  // on a card comes. Input now runs between the chunks.
  loader = replace(loader, 'function makeLoad(', `${NEXT_TASK}\nfunction makeLoad(`);
  loader = replace(loader, '    const loader = async () => {\n', '    const loader = async () => {\n        await nextTask();\n');
  // A chunk web/boot.js fetched early (in the pack, below) and compiled is taken from there.
  loader = replace(loader, 'function makeLoad(', `${FROM_PACK}\nfunction makeLoad(`);
  // What wasm-split writes out for every chunk and part (its fetch, the same lines each time, and
  // its dependencies by name), as a table: 27.4 → 11.3 KB raw, 4.7 → 4.2 KB gzip (the hashes in
  // the chunks' names are most of what is left).
  const file = (chunk) => hashed.get(chunk).name;
  loader += `const fromFile = (file) => () => {
    const src = fetchChunk(new URL(\`./\${file}\`, import.meta.url));
    src.catch(() => {});
    return async (imports) => instantiateChunk(src, imports);
};
// The chunks the split points share (none needs another), by their number in wasm-split's names.
const chunks = {};
for (const file of ${JSON.stringify(chunks.map((n) => file(`chunk_${n}.wasm`)).join(' '))}.split(' ')) {
    chunks[file.slice(6, file.indexOf('-'))] = makeLoad(fromFile(file), []);
}
const part = (file, deps) => wrapAsyncCb(makeLoad(fromFile(file), deps.map((n) => chunks[n])));
${parts.map((p) => `export const __wasm_split_load_${p.name} = part(${JSON.stringify(file(p.file))}, [${p.deps.join(',')}]);`).join('\n')}
`;

  // The early parts' files in one: a start that needs them (a saved board, a link) fetches one
  // file beside the app's wasm, not twenty requests after it (on HTTP/1.1 a browser opens six
  // connections per host, so twenty requests are four round trips). The pack is a wasm module
  // of custom sections only, one per chunk, named as the loader asks for it: a .wasm file, so a
  // host compresses and serves it as it does the chunks.
  const pack = Buffer.concat([WASM_HEADER, ...early.map((file) => customSection(hashed.get(file).name, hashed.get(file).bytes))]);
  const packName = hashedName(`early_${EARLY.join('_')}.wasm`, pack);
  await writeFile(path.join(dir, packName), pack);
  written.push(packName);

  const loaderName = hashedName(LOADER, loader);
  await writeFile(path.join(dir, loaderName), loader);
  written.push(loaderName);

  // The main module imports the loader by its hashed name; its integrity changes with it.
  const mainPath = path.join(dir, main);
  const before = await readFile(mainPath);
  // Only its imports: the wasm's import module stays "./__wasm_split.js" (the imports object's key).
  const after = Buffer.from(before.toString('utf8').replaceAll(`from "./${LOADER}"`, `from "./${loaderName}"`));
  await writeFile(mainPath, after);
  const indexPath = path.join(dir, 'index.html');
  let index = await readFile(indexPath, 'utf8');
  const oldSri = sri(before);
  if (!index.includes(oldSri)) throw new Error(`ship-chunks: index.html has no integrity ${oldSri} for ${main}`);
  index = index.replaceAll(oldSri, sri(after));
  // web/boot.js fetches the pack beside the app's wasm when the start needs it (data-early).
  const app = /(<meta name="tierboard-app"[^>]*?)( ?\/?>)/;
  if (!app.test(index)) throw new Error('ship-chunks: index.html has no <meta name="tierboard-app">');
  await writeFile(indexPath, index.replace(app, `$1 data-early="${packName}"$2`));
  return written;
}
