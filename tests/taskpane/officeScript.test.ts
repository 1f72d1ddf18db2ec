// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { officeScriptArrival } from '../../src/taskpane/boot/officeScript';

const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

/** A page still loading, with office.js referenced but not run (the pane's script runs first). */
function pageWithOfficeJs(): HTMLScriptElement {
  const script = document.createElement('script');
  script.setAttribute('src', OFFICE_JS);
  script.type = 'text/plain'; // jsdom must not try to fetch it
  document.head.append(script);
  Object.defineProperty(document, 'readyState', { value: 'interactive', configurable: true });
  return script;
}

afterEach(() => {
  document.head.innerHTML = '';
  Object.defineProperty(document, 'readyState', { value: 'complete', configurable: true });
});

describe('officeScriptArrival', () => {
  it('is absent at once on a page without office.js (suishin.html)', async () => {
    await expect(officeScriptArrival(document, () => false)).resolves.toBe('absent');
  });

  it('is loaded at once when Office is already there', async () => {
    pageWithOfficeJs();
    await expect(officeScriptArrival(document, () => true)).resolves.toBe('loaded');
  });

  it.each([
    ['load with Office defined', 'load', true, 'loaded'],
    ['load without Office', 'load', false, 'failed'],
    ['error (offline, refused)', 'error', false, 'failed'],
  ] as const)('waits for office.js: %s', async (_, event, defined, expected) => {
    const script = pageWithOfficeJs();
    let office = false;
    const arrival = officeScriptArrival(document, () => office);
    office = defined;
    script.dispatchEvent(new Event(event));
    await expect(arrival).resolves.toBe(expected);
  });

  it('does not resolve while the request hangs', async () => {
    pageWithOfficeJs();
    const arrival = officeScriptArrival(document, () => false);
    const settled = await Promise.race([arrival, new Promise((r) => setTimeout(() => r('pending'), 50))]);
    expect(settled).toBe('pending');
  });
});
