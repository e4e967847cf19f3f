// Debian's Chromium for the end-to-end tests, launched the one way every test file uses: never
// a downloaded browser (CHROMIUM overrides the path), headless, nothing reaching the network.
// English unless a test asks for another locale (the app follows navigator.languages, and the
// tests select by English names): the machine's own language must not change the results.
import { chromium } from 'playwright-core';

export function launchChromium() {
  return chromium.launch({
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
}
