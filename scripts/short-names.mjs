// Short names between a wasm module and its wasm-bindgen glue (finish-site calls it, release
// builds only, before the scripts are minified). wasm-bindgen names each function the wasm imports
// from its glue after the Rust item with a 16-hex-digit hash (`__wbg_writeText_6b6a85b68a7dd3eb`)
// and the closure shims it exports after their full Rust types (up to 250 characters). Each name
// is written twice, in the wasm's import or export section and in the glue, and the hashes do not
// compress: in the app's first download they were 4.0 KB gzip of the wasm and 3.3 KB of the glue.
// Here every import from the glue is renamed `a`, `b`, … `Z`, `aa`, … in import order, and every
// exported shim `$0`, `$1`, …, in the wasm and in the glue alike (a minifier's renaming, across the
// two files that share the names).
//
// Checked, or the build fails: every old name is in the glue, as a whole word, an import only as a
// key of the imports object; no new name was in use already; the wasm imports no old name after. Repeatable on its own output: a module whose imports from
// the glue are renamed already is left as it is. The files keep their names (Trunk's content hash
// of the files before, which decides the bytes after); index.html's integrity for them is
// computed again.
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { leb128, sri } from './ship-chunks.mjs';

/** The exported closure shims wasm-bindgen names after their Rust types. */
const LONG_EXPORT = /^wasm_bindgen_[0-9a-f]{16}___/;
const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** The n-th short import name: a … Z, aa, ba, … */
const importName = (n) => {
  let name = '';
  do {
    name += LETTERS[n % LETTERS.length];
    n = Math.floor(n / LETTERS.length);
  } while (n > 0);
  return name;
};

const leb = (bytes, at) => {
  let value = 0;
  let shift = 0;
  let byte;
  do {
    byte = bytes[at.pos++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return value;
};
const encodeName = (name) => Buffer.concat([leb128(Buffer.byteLength(name)), Buffer.from(name)]);

/** The wasm with its import (id 2) and export (id 7) names passed through `rename(kind, module, name)`
 * (the new name, or the same); every other byte as it was. */
export function renameInWasm(bytes, rename) {
  const out = [bytes.subarray(0, 8)];
  const at = { pos: 8 };
  while (at.pos < bytes.length) {
    const start = at.pos;
    const id = bytes[at.pos++];
    const size = leb(bytes, at);
    const body = at.pos;
    const end = body + size;
    if (id !== 2 && id !== 7) {
      out.push(bytes.subarray(start, end));
      at.pos = end;
      continue;
    }
    const count = leb(bytes, at);
    const entries = [leb128(count)];
    const readName = () => {
      const len = leb(bytes, at);
      const name = bytes.subarray(at.pos, at.pos + len).toString('utf8');
      at.pos += len;
      return name;
    };
    for (let i = 0; i < count; i++) {
      if (id === 2) {
        const module = readName();
        const name = readName();
        const descStart = at.pos;
        skipImportDesc(bytes, at);
        entries.push(encodeName(module), encodeName(rename('import', module, name)), bytes.subarray(descStart, at.pos));
      } else {
        const name = readName();
        const descStart = at.pos;
        at.pos++; // kind
        leb(bytes, at); // index
        entries.push(encodeName(rename('export', null, name)), bytes.subarray(descStart, at.pos));
      }
    }
    if (at.pos !== end) throw new Error(`short-names: section ${id} does not end where its size says`);
    const payload = Buffer.concat(entries);
    out.push(Buffer.from([id]), leb128(payload.length), payload);
  }
  return Buffer.concat(out);
}

/** Past one import's description: a function's type index, a table, a memory or a global. */
function skipImportDesc(bytes, at) {
  const kind = bytes[at.pos++];
  const limits = () => {
    const flags = bytes[at.pos++];
    leb(bytes, at);
    if (flags & 1) leb(bytes, at);
  };
  if (kind === 0) leb(bytes, at);
  else if (kind === 1) {
    at.pos++; // reference type
    limits();
  } else if (kind === 2) limits();
  else if (kind === 3) at.pos += 2; // value type, mutability
  else if (kind === 4) {
    at.pos++;
    leb(bytes, at);
  } else throw new Error(`short-names: unknown import kind ${kind}`);
}

/** Renames between the app's wasm in `dir` and its glue; index.html's integrity for both is
 * computed again. */
export async function shortenNames(dir) {
  const js = (await readdir(dir)).find((f) => /^tierboard-web-[0-9a-f]{16}\.js$/.test(f));
  if (!js) throw new Error(`short-names: no app glue (tierboard-web-<hash>.js) in ${dir}`);
  const wasm = js.replace(/\.js$/, '_bg.wasm');
  const indexPath = path.join(dir, 'index.html');
  let index = await readFile(indexPath, 'utf8');
  const jsPath = path.join(dir, js);
  const wasmPath = path.join(dir, wasm);
  const glueModule = './tierboard-web_bg.js';
  const wasmBefore = await readFile(wasmPath);
  const module = await WebAssembly.compile(wasmBefore);
  const imports = WebAssembly.Module.imports(module).filter((i) => i.module === glueModule);
  if (imports.length === 0) throw new Error(`short-names: ${wasm} imports nothing from ${glueModule}`);
  if (imports.every((i) => !i.name.startsWith('__wb'))) return; // done already
  const exports = WebAssembly.Module.exports(module).map((e) => e.name);

  const importRenames = new Map(imports.map((i, n) => [i.name, importName(n)]));
  const exportRenames = new Map(exports.filter((e) => LONG_EXPORT.test(e)).map((e, n) => [e, `$${n}`]));
  const shared = [...importRenames.keys()].filter((name) => exportRenames.has(name));
  if (shared.length) throw new Error(`short-names: ${wasm} imports and exports ${shared}`);
  const renames = new Map([...importRenames, ...exportRenames]);
  const jsBefore = await readFile(jsPath);
  let glue = jsBefore.toString('utf8');
  // The glue names an import only as a property (a key of its imports object: `{name:`,
  // `, name(`), so a letter cannot meet a variable of the glue. It names an exported shim as a
  // property of the exports (`.name`) and as the function that calls it: `$n` is a name the glue
  // does not use, and the exports keep their other names, which `$n` must not take.
  const word = (name) => new RegExp(`(?<![\\w$])${name.replace(/\$/g, '\\$')}(?![\\w$])`, 'g');
  for (const [from, to] of renames) {
    const places = [...glue.matchAll(word(from))];
    if (places.length === 0) throw new Error(`short-names: ${js} never names ${from}`);
    if (to.startsWith('$')) {
      if (exports.includes(to) || word(to).test(glue)) throw new Error(`short-names: ${to} is in use in ${wasm} or ${js} already`);
      continue;
    }
    for (const { index: at } of places) {
      const before = glue.slice(0, at).trimEnd().at(-1);
      if (!['{', ','].includes(before)) throw new Error(`short-names: ${js} names the import ${from} other than as a key (after ${before})`);
    }
  }
  for (const [from, to] of renames) glue = glue.replace(word(from), () => to);
  const wasmAfter = renameInWasm(wasmBefore, (kind, from, name) =>
    (kind === 'import' ? from === glueModule && importRenames.get(name) : exportRenames.get(name)) || name);
  const left = WebAssembly.Module.imports(await WebAssembly.compile(wasmAfter)).filter((i) => i.module === glueModule && importRenames.has(i.name));
  if (left.length) throw new Error(`short-names: ${wasm} still imports ${left.map((i) => i.name)}`);

  const jsAfter = Buffer.from(glue);
  await writeFile(jsPath, jsAfter);
  await writeFile(wasmPath, wasmAfter);
  for (const [before, after] of [[jsBefore, jsAfter], [wasmBefore, wasmAfter]]) {
    if (!index.includes(sri(before))) throw new Error(`short-names: index.html has no integrity for ${before === jsBefore ? js : wasm}`);
    index = index.replaceAll(sri(before), sri(after));
  }
  await writeFile(indexPath, index);
}
