// The site's stylesheets as one minified file (finish-site calls it). Trunk copies each
// stylesheet index.html links (style/*.css, one per concern) as a hashed file of its own, with
// its comments: 16 requests and 18 KB gzip that the page waits for before it shows anything.
// Here they become one file in link order (the cascade is unchanged), without comments or
// surplus whitespace: 1 request and about 8 KB gzip; the parts' sheets (PARTS) a second file,
// fetched with the first part shown. Trunk's own minifier is not used because it
// also rewrites index.html (optional tags and quotes dropped), which the later steps edit.
//
// Repeatable on its own output: a page that links one stylesheet is left as it is.
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { hashedName, sri } from './ship-chunks.mjs';

/** A stylesheet link as Trunk writes it (`href` carries the public URL). */
const LINK = /<link rel="stylesheet" href="([^"]*)" integrity="([^"]*)"\/>\n?[ \t]*/g;

/** The stylesheets only the parts loaded on demand use (the side panel's panels, the inspector):
 * bundled apart into `parts-<hash>.css`, which index.html does not link but names on
 * `<meta name="tierboard-app" data-parts-style>`; `ui::parts_style` links it when the first part
 * shows, and the part waits for it. Their rules come last in the cascade then, which is why only
 * sheets whose classes no later sheet styles are here (tests/e2e/bundle-styles.test.mjs). */
export const PARTS = ['panels', 'inspector'];
const isPart = (href) => PARTS.some((part) => new RegExp(`^${part}-[0-9a-f]{16}\\.css$`).test(path.posix.basename(href)));

/** Bundles the stylesheets `index` links in `dir`; returns the new index.html text. */
export async function bundleStyles(dir, index) {
  const links = [...index.matchAll(LINK)];
  if (links.length < 2) return index;
  const first = [];
  const parts = [];
  for (const [, href, integrity] of links) {
    const bytes = await readFile(path.join(dir, path.posix.basename(href)));
    if (sri(bytes) !== integrity) throw new Error(`bundle-styles: ${href} does not match its integrity`);
    (isPart(href) ? parts : first).push(minifyCss(bytes.toString('utf8')));
  }
  if (parts.length !== PARTS.length) throw new Error(`bundle-styles: index.html links ${parts.length} of the parts' ${PARTS.length} stylesheets`);
  const write = async (file, texts) => {
    const bundle = Buffer.from(`${texts.join('\n')}\n`);
    const name = hashedName(file, bundle);
    await writeFile(path.join(dir, name), bundle);
    return { href: `${path.posix.dirname(links[0][1]).replace(/\/?$/, '/')}${name}`, integrity: sri(bundle) };
  };
  const bundle = await write('style.css', first);
  const partsBundle = await write('parts.css', parts);
  for (const [, href] of links) await rm(path.join(dir, path.posix.basename(href)));
  const tag = `<link rel="stylesheet" href="${bundle.href}" integrity="${bundle.integrity}"/>\n    `;
  let n = 0;
  index = index.replace(LINK, () => (n++ === 0 ? tag : ''));
  const app = /(<meta name="tierboard-app"[^>]*?)( ?\/?>)/;
  if (!app.test(index)) throw new Error('bundle-styles: index.html has no <meta name="tierboard-app">');
  return index.replace(app, `$1 data-parts-style="${partsBundle.href}" data-parts-style-integrity="${partsBundle.integrity}"$2`);
}

/** CSS without comments and with whitespace only where it means something. Conservative: strings
 * are copied as they are; runs of whitespace become one space, which goes only next to `{ } ; ,`
 * (spaces around `:`, `+`, `-` and `>` can matter: `.a :hover`, `calc(1px + 2px)`). */
export function minifyCss(css) {
  let out = '';
  let space = false;
  const tight = (c) => c === '{' || c === '}' || c === ';' || c === ',';
  for (let i = 0; i < css.length; i++) {
    const c = css[i];
    if (c === '/' && css[i + 1] === '*') {
      const end = css.indexOf('*/', i + 2);
      i = end < 0 ? css.length : end + 1;
      space = true; // `a/* x */b` is `a b`
      continue;
    }
    if (/\s/.test(c)) {
      space = true;
      continue;
    }
    if (space && out !== '' && !tight(c) && !tight(out[out.length - 1])) out += ' ';
    space = false;
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < css.length && css[j] !== c) j += css[j] === '\\' ? 2 : 1;
      out += css.slice(i, j + 1);
      i = j;
      continue;
    }
    if (c === '}' && out.endsWith(';')) out = out.slice(0, -1);
    out += c;
  }
  return out;
}
