// The stylesheet bundles finish-site writes (scripts/bundle-styles.mjs): the minifier keeps what
// CSS means; the built site links one stylesheet, and the parts loaded on demand have theirs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { minifyCss, PARTS } from '../../scripts/bundle-styles.mjs';
import { sri } from '../../scripts/ship-chunks.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dist = process.env.E2E_DIST ? path.resolve(root, process.env.E2E_DIST) : path.join(root, 'dist');

test('the minifier drops comments and spare whitespace, and keeps what means something', () => {
  assert.equal(minifyCss('/* x */\n.a  {\n  color: red;\n  margin: 0 auto;\n}\n'), '.a{color: red;margin: 0 auto}');
  // A descendant combinator before a pseudo-class, calc's spaces, a comment between words.
  assert.equal(minifyCss('.a :hover { width: calc(100% - 2px); }'), '.a :hover{width: calc(100% - 2px)}');
  assert.equal(minifyCss('.a/* c */.b { top: 0 }'), '.a .b{top: 0}');
  // Strings as they are, comment-like text and quotes inside them included.
  assert.equal(minifyCss('.a::before { content: "/* not */  \\" x"; }'), '.a::before{content: "/* not */  \\" x"}');
  assert.equal(minifyCss("@media (min-width: 600px) {\n  .a , .b { margin: 0 }\n}"), '@media (min-width: 600px){.a,.b{margin: 0}}');
});

test('the built page links one stylesheet; the parts loaded on demand get theirs apart; together they hold every rule of style/*.css', async () => {
  const index = await readFile(path.join(dist, 'index.html'), 'utf8');
  const links = [...index.matchAll(/<link rel="stylesheet" href="[^"]*\/(style-[0-9a-f]{16}\.css)"/g)];
  assert.equal(links.length, 1, 'one stylesheet link');
  assert.equal((index.match(/rel="stylesheet"/g) ?? []).length, 1, 'and no other');
  const named = index.match(/data-parts-style="[^"]*\/(parts-[0-9a-f]{16}\.css)" data-parts-style-integrity="([^"]+)"/);
  assert.ok(named, 'index.html names the parts\' stylesheet');
  const files = await readdir(dist);
  assert.deepEqual(files.filter((f) => f.endsWith('.css')).sort(), [named[1], links[0][1]].sort(), 'the separate files are gone');
  const bundle = await readFile(path.join(dist, links[0][1]), 'utf8');
  const parts = await readFile(path.join(dist, named[1]));
  assert.equal(named[2], sri(parts), 'its integrity');
  // Every source file's text, minified, is in one of the two, in index.html's order there.
  const sources = [...(await readFile(path.join(root, 'index.html'), 'utf8')).matchAll(/rel="css" href="([^"]+)"/g)].map((m) => m[1]);
  assert.ok(sources.length > 5);
  const at = new Map([[bundle, 0], [parts.toString('utf8'), 0]]);
  for (const source of sources) {
    const text = minifyCss(await readFile(path.join(root, source), 'utf8'));
    const into = PARTS.includes(path.basename(source, '.css')) ? parts.toString('utf8') : bundle;
    const found = into.indexOf(text, at.get(into));
    assert.ok(found >= at.get(into), `${source} is in ${into === bundle ? 'the page\'s' : 'the parts\''} stylesheet, after the files linked before it`);
    at.set(into, found + text.length);
  }
  // The parts' rules come after every other rule, so no later sheet may style their classes.
  const classes = (css) => new Set([...css.matchAll(/\.([a-z][a-z0-9_-]*)/g)].map((m) => m[1]));
  const ours = classes(parts.toString('utf8'));
  for (const source of sources.filter((s) => !PARTS.includes(path.basename(s, '.css')))) {
    const later = sources.indexOf(source) > Math.min(...PARTS.map((p) => sources.indexOf(`style/${p}.css`)));
    if (!later) continue;
    const shared = [...classes(await readFile(path.join(root, source), 'utf8'))].filter((c) => ours.has(c));
    assert.deepEqual(shared, [], `${source} styles none of the parts' classes`);
  }
});
