// A tiny static file server for the end-to-end tests: serves one directory on 127.0.0.1 on a
// free port, with the content types the app needs (application/wasm for streaming compilation).
//
// `prefix` serves the site under a sub-path (`/tierboard/`, as GitHub Pages does for a project
// site; E2E_PREFIX sets the default, so any test file runs under one); anything outside it is
// 404. `setDirectory` swaps the served files at once: a new deployment, for the update test.
// `compressed` serves the build's precompressed copies (`.br`, else `.gz`) to a browser that
// accepts them, as a static host does: the bytes on the wire are then the real ones (load test).
import http from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
};

/** Serves `dir` under `prefix`; resolves to { url, close, setDirectory }. Unknown paths under the
 * prefix get index.html (a single-page app). */
export function serveDirectory(dir, { prefix = process.env.E2E_PREFIX ?? '/', compressed = false } = {}) {
  const base = `/${prefix.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
  let root = path.resolve(dir);
  const server = http.createServer(async (req, res) => {
    const full = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    if (!full.startsWith(base)) {
      res.writeHead(404).end();
      return;
    }
    const pathname = `/${full.slice(base.length)}`;
    const dir = root;
    let file = path.join(dir, path.normalize(pathname));
    if (!file.startsWith(dir + path.sep) && file !== dir) {
      res.writeHead(403).end();
      return;
    }
    if (pathname.endsWith('/')) file = path.join(file, 'index.html');
    let body;
    try {
      body = await readFile(file);
    } catch {
      file = path.join(dir, 'index.html');
      body = await readFile(file).catch(() => null);
    }
    if (body === null) {
      res.writeHead(404).end();
      return;
    }
    const headers = { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' };
    if (compressed) {
      const accepted = String(req.headers['accept-encoding'] ?? '');
      for (const [encoding, ext] of [['br', '.br'], ['gzip', '.gz']]) {
        if (!accepted.includes(encoding)) continue;
        const packed = await readFile(file + ext).catch(() => null);
        if (packed === null) continue;
        body = packed;
        headers['content-encoding'] = encoding;
        break;
      }
    }
    res.writeHead(200, headers);
    res.end(body);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({
        url: `http://127.0.0.1:${port}${base}`,
        setDirectory: (next) => {
          root = path.resolve(next);
        },
        close: () => new Promise((done) => server.close(done)),
      });
    });
  });
}
