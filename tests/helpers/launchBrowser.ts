import { chromium, type Browser } from 'playwright-core';

/** Debian's chromium (`.ci/run` installs it); nothing downloads a browser. */
const CHROMIUM = process.env.SUISHIN_CHROMIUM ?? '/usr/bin/chromium';

/** Headless Chromium as the e2e tests and the pane benchmark run it: no sandbox, GPU or background traffic. */
export const launchBrowser = (): Promise<Browser> =>
  chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
