// Debian's Chromium for the end-to-end tests, launched the one way every test file uses: never
// a downloaded browser (CHROMIUM overrides the path), headless, nothing reaching the network.
// English unless a test asks for another locale (the app follows navigator.languages, and the
// tests select by English names): the machine's own language must not change the results.
//
// Every context the browser opens is audited, so every e2e file checks the page's security
// without a line of its own: a `securitypolicyviolation` listener in every page (the CSP in
// index.html must never fire) and a recorder of every request (none may leave the origin of the
// first page the context opened: no fonts, analytics or CDNs). Closing a context, or the browser,
// throws when either list is not empty, which fails the test that closed it.
import { chromium } from 'playwright-core';

export async function launchChromium() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--lang=en-US',
    ],
  });
  const audits = [];
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    const audit = await watch(context);
    audits.push(audit);
    const closeContext = context.close.bind(context);
    context.close = async (...args) => {
      await closeContext(...args);
      assertClean(audit);
    };
    return context;
  };
  const closeBrowser = browser.close.bind(browser);
  browser.close = async (...args) => {
    await closeBrowser(...args);
    const violations = audits.reduce((n, a) => n + a.violations.length, 0);
    const foreign = audits.reduce((n, a) => n + a.foreign.length, 0);
    const requests = audits.reduce((n, a) => n + a.requests, 0);
    console.log(`# audit: ${audits.length} contexts, ${requests} requests, ${violations} CSP violations, ${foreign} requests leaving the origin`);
    audits.forEach(assertClean);
  };
  return browser;
}

/** The audit of a context: what its pages violated and requested. Tests may read it too. */
export function auditOf(context) {
  return context.tierboardAudit;
}

async function watch(context) {
  const audit = { origin: null, requests: 0, violations: [], foreign: [], reported: false };
  context.tierboardAudit = audit;
  await context.exposeBinding('__tierboardCspViolation', (_source, violation) => audit.violations.push(violation));
  await context.addInitScript(() => {
    document.addEventListener(
      'securitypolicyviolation',
      (e) =>
        window.__tierboardCspViolation?.({
          directive: e.violatedDirective,
          blocked: e.blockedURI,
          sample: e.sample,
          source: `${e.sourceFile}:${e.lineNumber}`,
        }),
      true,
    );
  });
  context.on('request', (request) => {
    audit.requests += 1;
    const url = new URL(request.url());
    if (!['http:', 'https:', 'ws:', 'wss:'].includes(url.protocol)) return; // data:, blob:
    // The first document a context opens fixes its origin.
    if (audit.origin === null && request.resourceType() === 'document') audit.origin = url.origin;
    if (url.origin !== audit.origin) audit.foreign.push(request.url());
  });
  return audit;
}

function assertClean(audit) {
  if (audit.reported) return;
  if (audit.violations.length > 0 || audit.foreign.length > 0) {
    audit.reported = true;
    throw new Error(
      `page audit failed:\n  CSP violations: ${JSON.stringify(audit.violations)}\n  requests leaving ${audit.origin}: ${JSON.stringify(audit.foreign)}`,
    );
  }
}

/** A cold page under a network of `mbit` Mbit/s with `latency` ms (CDP throttling, up and down),
 * with no HTTP cache; the CPU as it is. */
export async function throttle(context, page, { mbit, latency }) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency,
    downloadThroughput: (mbit * 1e6) / 8,
    uploadThroughput: (mbit * 1e6) / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
}
