// The app's loader, an external module script so the Content-Security-Policy needs no inline
// script (Trunk's default loader is inline; Trunk.toml's `pattern_script` replaces it with a
// <meta name="tierboard-app"> that names the hashed JS and wasm). After the app started it
// registers the service worker that scripts/finish-site.mjs wrote for this build (release builds
// only: their index.html carries <meta name="tierboard-build">) and runs the update handshake:
//
//   * a new deployment's worker installs in the background and waits;
//   * if this page already runs that build (it came from the network), the worker is activated
//     at once, silently;
//   * otherwise the page is told (`tierboard:update-ready` on window, and
//     <html data-update="ready">), the app shows "a new version is ready", and only when the
//     person chooses (`tierboard:apply-update`) the waiting worker takes over and the page
//     reloads. The board survives: autosave keeps it in localStorage.

// The loader's words in the person's language while the app downloads (on a workshop's Wi-Fi that
// is the first thing people read): the app's own choice, in the same order as `Lang::choose`
// (?lang=, the stored choice, the browser's languages), repeated here because the app's texts
// are not there yet. The app re-renders everything once it starts.
const LOADING = {
  en: 'Loading the board…',
  de: 'Das Board wird geladen …',
  fr: 'Chargement du tableau…',
};
const supported = (tag) => {
  const primary = String(tag ?? '').trim().split(/[-_.@]/)[0].toLowerCase();
  return Object.hasOwn(LOADING, primary) ? primary : null;
};
const startLang = () => {
  const query = new URLSearchParams(window.location.search).getAll('lang').map(supported).find(Boolean);
  let stored = null;
  try {
    stored = supported(window.localStorage.getItem('tierboard.lang'));
  } catch {
    // Storage refused (private mode, a blocked origin): the browser's languages decide.
  }
  return query ?? stored ?? (navigator.languages ?? []).map(supported).find(Boolean) ?? 'en';
};
const lang = startLang();
document.documentElement.lang = lang;
const loaderText = document.querySelector('.loader__text');
if (loaderText) loaderText.textContent = LOADING[lang];

const app = document.querySelector('meta[name="tierboard-app"]');
// The share link's reader is a part of its own (ui::on_demand::read_link), and a start with a
// saved board or through a link needs it before the board shows: its chunks, packed in one file
// (data-early, written by scripts/ship-chunks.mjs), are fetched now, beside the app's wasm, and
// compiled as they arrive, not twenty requests after the app's wasm. The chunks' loader takes
// them from here (globalThis.__tierboardEarly: chunk file name → compiled module), or fetches
// them itself if the pack fails. A first visit without either fetches no pack. (What needs the
// reader, as the app decides it: a fragment `ui::incoming::carries_design` opens, or a value
// under `ui::autosave::KEY` in the link's form, `share::saved::needs_json`.)
const needsReader = () => {
  if (window.location.hash.slice(1).split('&').some((part) => /^[dv]=/.test(part))) return true;
  try {
    return window.localStorage.getItem('tierboard.design.v1')?.trimStart().startsWith('#d=') ?? false;
  } catch {
    return false; // no storage, nothing saved
  }
};
/** The pack's chunks: a wasm module of custom sections only, each named as its chunk file. */
const unpack = (buffer) => {
  const bytes = new Uint8Array(buffer);
  let at = 8; // the wasm header
  const leb = () => {
    let value = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = bytes[at++];
      if (byte === undefined) throw new Error('the pack is cut short'); // the loader fetches the chunks
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
    }
  };
  const chunks = new Map();
  while (at < bytes.length && bytes[at++] === 0) {
    const size = leb();
    const end = at + size;
    const nameLength = leb();
    const name = new TextDecoder().decode(bytes.subarray(at, at + nameLength));
    at += nameLength;
    const module = WebAssembly.compile(bytes.subarray(at, end));
    module.catch(() => {}); // the loader fetches that chunk itself then
    chunks.set(name, module);
    at = end;
  }
  return chunks;
};
if (app.dataset.early && needsReader()) {
  const url = new URL(app.dataset.early, new URL(app.dataset.js, document.baseURI));
  const pack = fetch(url).then((response) =>
    response.ok ? response.arrayBuffer().then(unpack) : Promise.reject(new Error(`${response.status} ${url}`)),
  );
  pack.catch(() => {}); // the loader fetches the chunks one by one then
  globalThis.__tierboardEarly = pack;
}
const { default: init } = await import(app.dataset.js);
await init({ module_or_path: app.dataset.wasm });

const build = document.querySelector('meta[name="tierboard-build"]')?.content;
const base = new URL('./', import.meta.url);
if (build && 'serviceWorker' in navigator) {
  registerWorker().catch((e) => console.warn('Tierboard: no offline copy:', e));
}

async function registerWorker() {
  const workers = navigator.serviceWorker;
  // Offline, registering fails (the script cannot be fetched): the registration already made
  // on an earlier visit still serves, and still takes updates later.
  const registration = await workers
    .register(new URL('sw.js', base), { scope: base.pathname, updateViaCache: 'none' })
    .catch(async (e) => (await workers.getRegistration(base.href)) ?? Promise.reject(e));
  let waiting = null;

  const consider = async (worker) => {
    if (!workers.controller) return; // the first install: nothing to replace
    if ((await buildOf(worker)) === build) {
      worker.postMessage({ type: 'activate' });
      return;
    }
    waiting = worker;
    document.documentElement.dataset.update = 'ready';
    window.dispatchEvent(new CustomEvent('tierboard:update-ready'));
  };
  const watch = (worker) =>
    worker.addEventListener('statechange', () => worker.state === 'installed' && consider(worker));

  if (registration.waiting) consider(registration.waiting);
  if (registration.installing) watch(registration.installing);
  registration.addEventListener('updatefound', () => registration.installing && watch(registration.installing));

  window.addEventListener('tierboard:apply-update', () => {
    if (!waiting) return;
    workers.addEventListener('controllerchange', () => window.location.reload(), { once: true });
    waiting.postMessage({ type: 'activate' });
  });
  // Look for a new deployment whenever the person comes back to the tab, and twice an hour.
  const check = () => registration.update().catch(() => {});
  document.addEventListener('visibilitychange', () => document.visibilityState === 'visible' && check());
  setInterval(check, 30 * 60 * 1000);
}

/** The build a (waiting) worker caches, asked over a message channel; null if it does not answer. */
function buildOf(worker) {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    const timer = setTimeout(() => resolve(null), 3000);
    channel.port1.onmessage = (event) => {
      clearTimeout(timer);
      resolve(event.data?.build ?? null);
    };
    worker.postMessage({ type: 'build' }, [channel.port2]);
  });
}
