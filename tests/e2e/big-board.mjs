// What the e2e tests of big boards share (canvas, load, viewport): a big valid design, an
// in-page timer for the work an action causes, and the statistics the perf artefacts report.

/** A valid design of `n` services spread over the three tiers, with a chain of links. */
export function bigDesign(n) {
  const tiers = ['frontend', 'backend', 'data'];
  const services = Array.from({ length: n }, (_, i) => ({
    id: i + 1,
    name: `svc-${i + 1}`,
    kind: 'redis',
    tier: tiers[i % 3],
    image: { name: 'redis', tag: '7-alpine' },
    ports: [{ container: 6379 }],
    environment: [{ key: 'MODE', value: 'x' }],
  }));
  const links = Array.from({ length: n - 1 }, (_, i) => ({ from: i + 1, to: i + 2, kind: 'sync' }));
  return { format: 1, name: 'big', services, links };
}

/** In the page (evaluate it): time from an action to the end of the work it causes (microtasks,
 * effects, one animation frame for the link layer, style and layout).
 *
 * \`__inFrame(act)\` times one edit three ways (ms):
 * - \`sync\`: its dispatch and render (handlers, effects, style and layout);
 * - \`frame\`: from the edit until the next frame is done (its paint included). This includes the
 *   wait for that frame: the measurement starts just after a frame, so even an edit that does
 *   nothing reads one frame interval (16.7 ms at 60 Hz; see \`noOpFrames\`);
 * - \`work\`: the main thread's work for the edit, without that wait: \`sync\` plus the frame's own
 *   work (animation frame callbacks, style, layout, paint, layerize). At most 16 ms: the edit
 *   fits in the first frame after it. The frame callback that marks the frame's start is asked
 *   for before the edit, so it runs before the app's own (the link layer's). */
export const TIMER = `
  window.__settle = () => new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => { document.body.getBoundingClientRect(); resolve(); };
    ch.port2.postMessage(0);
  });
  window.__frame = () => new Promise((resolve) => requestAnimationFrame(() => window.__settle().then(resolve)));
  window.__inFrame = async (act) => {
    let frameStart = 0;
    const frame = new Promise((resolve) => requestAnimationFrame(() => { frameStart = performance.now(); resolve(); }));
    const t0 = performance.now();
    act();
    await window.__settle();
    const sync = performance.now() - t0;
    await frame;
    await window.__settle();
    const end = performance.now();
    return { sync, frame: end - t0, work: sync + (end - Math.max(frameStart, t0 + sync)) };
  };
`;

/** How many drops and inspector commits the big board's edit figures are the median and p95 of
 * (with 10, two runs of the same build differed by 2-4 ms). The Files panel's Deletes stay at 10
 * each: every Delete makes the board smaller, and more of them would measure a smaller board. */
export const EDITS = 20;

/** In the page (after TIMER): \`n\` no-op edits timed as \`__inFrame\` times an edit; their
 * \`frame\` is the floor of that figure (one frame interval). */
export const noOpFrames = (page, n = EDITS) =>
  page.evaluate(async (n) => {
    const frames = [];
    for (let i = 0; i < n; i++) {
      await window.__frame();
      frames.push((await window.__inFrame(() => {})).frame);
    }
    return frames;
  }, n);

/** Median, 95th percentile and maximum of `xs` (ms, two decimals), and how many. */
export const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return { median: +s[Math.floor(s.length / 2)].toFixed(2), p95: +s[Math.floor(s.length * 0.95)].toFixed(2), max: +s[s.length - 1].toFixed(2), n: s.length };
};

/** How many composited layers Chromium gives the page (CDP LayerTree). A card that gets a layer
 * of its own makes every edit's frame re-layerize them all: 232 layers cost a 200-service drop
 * 34 ms of its frame (a monogram's letters spilling out of their box, zoomed out). */
export async function compositedLayers(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const tree = new Promise((resolve) => {
      cdp.on('LayerTree.layerTreeDidChange', (e) => e.layers && resolve(e.layers.length));
    });
    await cdp.send('LayerTree.enable');
    // The tree is reported when it changes: change something nobody sees until it is.
    for (let i = 0; ; i++) {
      const n = await Promise.race([tree, new Promise((r) => setTimeout(() => r(null), 250))]);
      if (n !== null) return n;
      if (i > 40) throw new Error('no layer tree reported');
      await page.evaluate((k) => { document.body.style.outlineColor = `rgb(${k % 255},0,0)`; }, i);
    }
  } finally {
    await cdp.detach();
  }
}
