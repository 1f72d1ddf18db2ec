import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openPane, type PaneOptions } from './pane';

const baseUrl = inject('baseUrl');

/** office.js as it behaves in a plain browser tab: it loads, and Office.onReady reports no host. */
const OFFICE_OUTSIDE_EXCEL = `window.Office = {
  HostType: { Excel: 'Excel' },
  onReady: () => Promise.resolve({ host: null, platform: null }),
};`;

describe('file mode starts by itself outside Excel', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const cases: readonly { name: string; options: PaneOptions }[] = [
    { name: 'office.js cannot be loaded (offline, or the CDN is blocked)', options: {} },
    {
      name: 'office.js loads but Office.onReady reports no host',
      options: { officeJs: OFFICE_OUTSIDE_EXCEL },
    },
  ];
  for (const { name, options } of cases)
    it(name, async () => {
      const pane = await openPane(browser, baseUrl, options);
      try {
        const { page } = pane;
        await page.getByText('Excel の外で動いています（ファイル モード）', { exact: false }).waitFor();
        expect(await page.locator('header').textContent()).toContain('ファイル未選択');
        const open = page.getByRole('button', { name: 'ブックを開く' });
        await open.waitFor();
        // Fluent's styles are built into the page (extracted CSS): an unstyled pane would still pass every
        // role-based check, so look at what only its styles set on a button.
        const look = await open.evaluate((button) => {
          const style = getComputedStyle(button);
          return { background: style.backgroundColor, radius: style.borderTopLeftRadius };
        });
        // Fluent's primary button: brandBackground (#0F6CBD) and rounded corners; unstyled, it is grey and square.
        expect(look).toEqual({ background: 'rgb(15, 108, 189)', radius: '4px' });
        // The only request off this machine is the attempt to load office.js.
        expect(pane.foreignRequests()).toEqual([]);
        expect(pane.requests.filter((r) => !r.url.startsWith(`${baseUrl}/`)).map((r) => r.url)).toEqual([
          'https://appsforoffice.microsoft.com/lib/1/hosted/office.js',
        ]);
        expect(pane.errors).toEqual([]);
      } finally {
        await pane.close();
      }
    });
});

describe('the Content-Security-Policy admits office.js from both of Microsoft’s hosts', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** Whether the page's policy refuses a script from this URL (a `securitypolicyviolation` for it). */
  const refuses = (url: string) => async (page: import('playwright-core').Page) =>
    page.evaluate(
      (src) =>
        new Promise<boolean>((resolve) => {
          let refused = false;
          document.addEventListener('securitypolicyviolation', (event) => {
            if (event.blockedURI === src) refused = true;
          });
          const script = document.createElement('script');
          script.src = src;
          // Allowed or not, the script cannot load here (the test is offline): wait for the verdict.
          script.onload = script.onerror = () => setTimeout(() => resolve(refused), 50);
          document.head.append(script);
        }),
      url,
    );

  const cases = [
    ['admits the former CDN host', 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js', false],
    [
      'admits the CDN host Microsoft moved to',
      'https://officeapis.public.onecdn.static.microsoft/lib/1/hosted/office.js',
      false,
    ],
    ['refuses any other host (the check can fail)', 'https://example.com/lib/1/hosted/office.js', true],
  ] as const;
  for (const [name, url, refused] of cases)
    it(name, async () => {
      const pane = await openPane(browser, baseUrl);
      try {
        expect(await refuses(url)(pane.page)).toBe(refused);
      } finally {
        await pane.close();
      }
    });
});
