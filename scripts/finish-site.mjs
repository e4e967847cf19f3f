#!/usr/bin/env node
// Trunk's post_build hook (Trunk.toml): turns the staged site into an installable, offline,
// precompressed static site. It runs on the staging directory before Trunk moves it to dist/,
// so dist/ is always complete. In order:
//
//   0. the chunks of the app's split points (scripts/ship-chunks.mjs), in release builds short
//      names between the app's wasm and its glue (scripts/short-names.mjs), and content hashes in the
//      Web Worker's file names (Trunk names them without: a first visit after a deployment could
//      get an old worker from the HTTP cache), which index.html then names for ui::offload
//      (data-worker on <meta name="tierboard-app">); every later step (build hash, precache list,
//      compressed copies) covers them;
//   1. icons: icon.svg and PNGs (192, 512, maskable 512) drawn from one geometry, in the theme's
//      colours read from style/tokens.css (no rasteriser dependency: a tiny PNG encoder below);
//   2. manifest.webmanifest (name, colours, icons, file handlers for compose, design and SVG files);
//   3. index.html: its stylesheets as one minified file (scripts/bundle-styles.mjs), in release
//      builds its scripts minified (scripts/minify-js.mjs, integrity computed again), manifest
//      link, theme colours and, in release builds, the build hash (<meta name="tierboard-build">,
//      which web/boot.js needs to register the worker);
//   4. release only: sw.js from web/sw.js with the exact list of files of this build and the
//      build hash as cache name; .br (brotli 11) and .gz (zopfli) copies of every compressible
//      file.
//
// The build hash covers every file of the site except sw.js and the compressed copies, so two
// builds share a hash exactly when they serve the same bytes. Running the hook again on its own
// output gives the same result (the e2e update test relies on it to make a second deployment).
//
// Usage: Trunk sets TRUNK_STAGING_DIR, TRUNK_PUBLIC_URL, TRUNK_PROFILE and TRUNK_SOURCE_DIR; by
// hand: node scripts/finish-site.mjs DIR [PUBLIC_URL] (release).
import { createHash } from 'node:crypto';
import { readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { gzipAsync } from '@gfx/zopfli';
import { bundleStyles } from './bundle-styles.mjs';
import { minifyScripts } from './minify-js.mjs';
import { hashedName, shipChunks } from './ship-chunks.mjs';
import { shortenNames } from './short-names.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Files worth compressing (by extension); PNGs are compressed already. */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.svg', '.json', '.webmanifest', '.txt', '.map']);
const HEAD_MARK = '<!-- finish-site -->';
const HEAD_END = '<!-- /finish-site -->';
/** What this hook adds to index.html: one block just before </head>, removed exactly on a rerun. */
const HEAD_BLOCK = /<!-- finish-site -->[\s\S]*?<!-- \/finish-site -->\n {2}(?=<\/head>)/;

export async function finishSite({ dir, publicUrl = '/', release = true, compress = true, sourceDir = root }) {
  const base = publicUrl.endsWith('/') ? publicUrl : `${publicUrl}/`;
  const theme = await readTheme(path.join(sourceDir, 'style/tokens.css'));
  await shipChunks({ dir, root: sourceDir, profile: release ? 'web' : 'debug' });
  if (release) await shortenNames(dir);
  const workerLoader = await hashWorker(dir);

  // Outputs of an earlier run: the hook must be repeatable on its own output.
  for (const file of await listFiles(dir)) {
    if (file.endsWith('.br') || file.endsWith('.gz') || file === 'sw.js') await rm(path.join(dir, file));
  }

  for (const [name, bytes] of Object.entries(icons(theme))) await writeFile(path.join(dir, name), bytes);
  await writeFile(path.join(dir, 'manifest.webmanifest'), manifest(theme));

  const indexPath = path.join(dir, 'index.html');
  let index = await bundleStyles(dir, (await readFile(indexPath, 'utf8')).replace(HEAD_BLOCK, ''));
  if (release) index = await minifyScripts(dir, index);
  if (workerLoader) {
    index = index.replace(/(<meta name="tierboard-app"[^>]*?)(?: data-worker="[^"]*")?( ?\/?>)/, `$1 data-worker="${workerLoader}"$2`);
    if (!index.includes(`data-worker="${workerLoader}"`)) throw new Error('finish-site: index.html has no <meta name="tierboard-app">');
  }
  index = index.replace('</head>', `${headTags(base, theme)}\n  </head>`);
  await writeFile(indexPath, index);

  if (!release) return { build: null };
  const files = (await listFiles(dir)).sort();
  const build = await buildHash(dir, files);
  await writeFile(indexPath, index.replace(HEAD_END, `<meta name="tierboard-build" content="${build}" />\n    ${HEAD_END}`));
  const precache = files.map((f) => (f === 'index.html' ? './' : f));
  const template = await readFile(path.join(sourceDir, 'web/sw.js'), 'utf8');
  const sw = template.replace('__TIERBOARD_BUILD__', build).replace('__TIERBOARD_PRECACHE__', JSON.stringify(precache, null, 2));
  await writeFile(path.join(dir, 'sw.js'), sw);

  for (const file of compress ? await listFiles(dir) : []) {
    if (!COMPRESSIBLE.has(path.extname(file))) continue;
    const raw = await readFile(path.join(dir, file));
    // Zopfli's gzip: any gzip reader takes it, and it is about 5 % smaller than zlib's -9
    // (the first download: 15 KB less), which is what a host serving these copies sends. Five
    // iterations, not the default 15: the same bytes within 0.01 %, in two thirds of the time.
    const gz = Buffer.from(await gzipAsync(raw, { numiterations: 5 }));
    if (!zlib.gunzipSync(gz).equals(raw)) throw new Error(`finish-site: ${file}.gz does not read back as ${file}`);
    const br = zlib.brotliCompressSync(raw, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
    });
    // A copy that saves nothing is left out: hosts then serve the file itself.
    if (gz.length < raw.length) await writeFile(path.join(dir, `${file}.gz`), gz);
    if (br.length < raw.length) await writeFile(path.join(dir, `${file}.br`), br);
  }
  return { build };
}

/** Gives the worker's three files (Trunk's loader shim, its JS, its wasm) content hashes in their
 * names and the loader the new names; returns the loader's name (null without a worker). On
 * its own output it finds the hashed loader and changes nothing. */
async function hashWorker(dir) {
  const names = await readdir(dir);
  const hashed = names.find((n) => /^tierboard-worker_loader-[0-9a-f]{16}\.js$/.test(n));
  if (hashed) return hashed;
  if (!names.includes('tierboard-worker_loader.js')) return null;
  let loader = await readFile(path.join(dir, 'tierboard-worker_loader.js'), 'utf8');
  for (const file of ['tierboard-worker_bg.wasm', 'tierboard-worker.js']) {
    const name = hashedName(file, await readFile(path.join(dir, file)));
    if (!loader.includes(`"./${file}"`)) throw new Error(`finish-site: the worker's loader does not name ${file}`);
    loader = loader.replace(`"./${file}"`, `"./${name}"`);
    await rename(path.join(dir, file), path.join(dir, name));
  }
  const name = hashedName('tierboard-worker_loader.js', loader);
  await writeFile(path.join(dir, name), loader);
  await rm(path.join(dir, 'tierboard-worker_loader.js'));
  return name;
}

/** Every file under `dir`, as a path relative to it with `/` separators. */
async function listFiles(dir) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath ?? e.path, e.name)).split(path.sep).join('/'));
}

async function buildHash(dir, files) {
  const hash = createHash('sha256');
  for (const file of files) {
    const bytes = await readFile(path.join(dir, file));
    hash.update(`${file}\0${bytes.length}\0`).update(bytes);
  }
  return hash.digest('hex').slice(0, 16);
}

function headTags(base, theme) {
  return [
    HEAD_MARK,
    `    <link rel="manifest" href="${base}manifest.webmanifest" />`,
    `    <link rel="apple-touch-icon" href="${base}icon-192.png" />`,
    `    <meta name="theme-color" media="(prefers-color-scheme: light)" content="${theme.light.surface}" />`,
    `    <meta name="theme-color" media="(prefers-color-scheme: dark)" content="${theme.dark.surface}" />`,
    `    ${HEAD_END}`,
  ].join('\n');
}

// ---- theme ------------------------------------------------------------------------------------

/** The colours the icons and the manifest need, from the light `:root` block and the dark one. */
export async function readTheme(tokensPath) {
  const css = await readFile(tokensPath, 'utf8');
  const dark = css.indexOf('prefers-color-scheme: dark');
  if (dark < 0) throw new Error(`${tokensPath}: no dark colour scheme block`);
  const pick = (text, name) => {
    const m = text.match(new RegExp(`--${name}:\\s*(#[0-9a-fA-F]{6})\\b`));
    if (!m) throw new Error(`${tokensPath}: --${name} is not a #rrggbb colour`);
    return m[1].toLowerCase();
  };
  const names = ['bg', 'surface', 'text', 'tier-frontend', 'tier-backend', 'tier-data'];
  const block = (text) => Object.fromEntries(names.map((n) => [n.replace('tier-', ''), pick(text, n)]));
  return { light: block(css.slice(0, dark)), dark: block(css.slice(dark)) };
}

// ---- manifest ---------------------------------------------------------------------------------

function manifest(theme) {
  return `${JSON.stringify(
    {
      name: 'Tierboard',
      short_name: 'Tierboard',
      description: 'Design a containerised system on a three-tier board and take home a production-ready Docker project.',
      id: './',
      start_url: './',
      scope: './',
      display: 'standalone',
      background_color: theme.light.bg,
      theme_color: theme.light.surface,
      icons: [
        { src: 'icon.svg', sizes: 'any', type: 'image/svg+xml' },
        { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
        { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
        { src: 'icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      ],
      // The installed app opens compose files, design files and exported diagrams (web/boot.js
      // has nothing to do with it: src/ui/file_drop.rs reads window.launchQueue).
      file_handlers: [
        {
          action: './',
          accept: {
            'application/yaml': ['.yml', '.yaml'],
            'application/json': ['.json'],
            'image/svg+xml': ['.svg'],
          },
        },
      ],
      launch_handler: { client_mode: 'focus-existing' },
    },
    null,
    2,
  )}\n`;
}

// ---- icons ------------------------------------------------------------------------------------

/**
 * The icon: three tier bars on a dark tile, in a 32-unit square (public/favicon.svg's drawing).
 * Tile in the light theme's text colour, bars in the dark theme's tier colours (bright on dark).
 * `inset` scales the bars towards the centre (a maskable icon keeps them in the safe circle).
 */
function shapes(theme, { maskable = false } = {}) {
  const scale = maskable ? 0.75 : 1;
  const at = (v) => 16 + (v - 16) * scale;
  const bar = (y, colour) => ({ x: at(6), y: at(y), w: 20 * scale, h: 4 * scale, r: 2 * scale, colour });
  return [
    { x: 0, y: 0, w: 32, h: 32, r: maskable ? 0 : 7, colour: theme.light.text },
    bar(7, theme.dark.frontend),
    bar(14, theme.dark.backend),
    bar(21, theme.dark.data),
  ];
}

function icons(theme) {
  const svg = [
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">',
    ...shapes(theme).map((s) => `  <rect x="${s.x}" y="${s.y}" width="${s.w}" height="${s.h}" rx="${s.r}" fill="${s.colour}"/>`),
    '</svg>',
    '',
  ].join('\n');
  return {
    'icon.svg': svg,
    'icon-192.png': png(192, shapes(theme)),
    'icon-512.png': png(512, shapes(theme)),
    'icon-maskable-512.png': png(512, shapes(theme, { maskable: true })),
  };
}

/** Whether (x, y) lies in the rounded rectangle `s`. */
function inside(s, x, y) {
  if (x < s.x || y < s.y || x > s.x + s.w || y > s.y + s.h) return false;
  const cx = Math.min(Math.max(x, s.x + s.r), s.x + s.w - s.r);
  const cy = Math.min(Math.max(y, s.y + s.r), s.y + s.h - s.r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= s.r ** 2;
}

/** Paints the shapes (later ones on top) into a `size`² RGBA PNG, 4×4 samples per pixel. */
function png(size, list) {
  const rgb = list.map((s) => [1, 3, 5].map((i) => parseInt(s.colour.slice(i, i + 2), 16)));
  const N = 4;
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let py = 0; py < size; py++) {
    const row = py * (size * 4 + 1);
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < N; sy++) {
        for (let sx = 0; sx < N; sx++) {
          const x = ((px + (sx + 0.5) / N) * 32) / size;
          const y = ((py + (sy + 0.5) / N) * 32) / size;
          for (let i = list.length - 1; i >= 0; i--) {
            if (inside(list[i], x, y)) {
              r += rgb[i][0]; g += rgb[i][1]; b += rgb[i][2]; a += 1;
              break;
            }
          }
        }
      }
      const o = row + 1 + px * 4;
      // Straight (not premultiplied) alpha: the colour of the covered samples only.
      if (a > 0) {
        raw[o] = Math.round(r / a);
        raw[o + 1] = Math.round(g / a);
        raw[o + 2] = Math.round(b / a);
      }
      raw[o + 3] = Math.round((255 * a) / (N * N));
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8 bits per channel, RGBA, deflate, no filter method, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

// ---- entry point ------------------------------------------------------------------------------

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
  if (!dir) {
    console.error('finish-site: no directory (TRUNK_STAGING_DIR or first argument)');
    process.exit(2);
  }
  const publicUrl = process.argv[3] ?? process.env.TRUNK_PUBLIC_URL ?? '/';
  const release = process.argv[2] ? true : process.env.TRUNK_PROFILE === 'release';
  const sourceDir = process.env.TRUNK_SOURCE_DIR ?? root;
  const started = Date.now();
  const { build } = await finishSite({ dir, publicUrl, release, sourceDir });
  console.log(`finish-site: ${dir} (${publicUrl}) ${build ? `build ${build}` : 'debug: no service worker'} in ${Date.now() - started} ms`);
}
