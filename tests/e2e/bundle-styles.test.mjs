// The stylesheet bundle finish-site writes (scripts/bundle-styles.mjs): the minifier keeps what
// CSS means, and the built site links one stylesheet that holds every rule of style/*.css.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { minifyCss } from '../../scripts/bundle-styles.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dist = path.join(root, process.env.E2E_DIST ?? 'dist');

test('the minifier drops comments and spare whitespace, and keeps what means something', () => {
  assert.equal(minifyCss('/* x */\n.a  {\n  color: red;\n  margin: 0 auto;\n}\n'), '.a{color: red;margin: 0 auto}');
  // A descendant combinator before a pseudo-class, calc's spaces, a comment between words.
  assert.equal(minifyCss('.a :hover { width: calc(100% - 2px); }'), '.a :hover{width: calc(100% - 2px)}');
  assert.equal(minifyCss('.a/* c */.b { top: 0 }'), '.a .b{top: 0}');
  // Strings as they are, comment-like text and quotes inside them included.
  assert.equal(minifyCss('.a::before { content: "/* not */  \\" x"; }'), '.a::before{content: "/* not */  \\" x"}');
  assert.equal(minifyCss("@media (min-width: 600px) {\n  .a , .b { margin: 0 }\n}"), '@media (min-width: 600px){.a,.b{margin: 0}}');
});

test('the built page links one stylesheet holding every rule of style/*.css', async () => {
  const index = await readFile(path.join(dist, 'index.html'), 'utf8');
  const links = [...index.matchAll(/<link rel="stylesheet" href="[^"]*\/(style-[0-9a-f]{16}\.css)"/g)];
  assert.equal(links.length, 1, 'one stylesheet link');
  assert.equal((index.match(/rel="stylesheet"/g) ?? []).length, 1, 'and no other');
  const files = await readdir(dist);
  assert.deepEqual(files.filter((f) => f.endsWith('.css')), [links[0][1]], 'the separate files are gone');
  const bundle = await readFile(path.join(dist, links[0][1]), 'utf8');
  // Every source file's text, minified, is in the bundle (the cascade's order is index.html's).
  const sources = [...(await readFile(path.join(root, 'index.html'), 'utf8')).matchAll(/rel="css" href="([^"]+)"/g)].map((m) => m[1]);
  assert.ok(sources.length > 5);
  let at = 0;
  for (const source of sources) {
    const text = minifyCss(await readFile(path.join(root, source), 'utf8'));
    const found = bundle.indexOf(text, at);
    assert.ok(found >= at, `${source} is in the bundle, after the files linked before it`);
    at = found + text.length;
  }
});
