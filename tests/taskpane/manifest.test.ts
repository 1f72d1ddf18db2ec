import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const repo = path.resolve(import.meta.dirname, '../..');
const script = path.join(repo, 'scripts', 'validate-manifest.mjs');
const original = readFileSync(path.join(repo, 'manifest.xml'), 'utf8');
const dir = mkdtempSync(path.join(tmpdir(), 'suishin-manifest-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function validate(xml: string) {
  const file = path.join(dir, `manifest-${Math.random().toString(36).slice(2)}.xml`);
  writeFileSync(file, xml);
  const r = spawnSync(process.execPath, [script, file, '--root', repo], { encoding: 'utf8', cwd: repo });
  return { status: r.status, out: r.stdout + r.stderr };
}

describe('npm run validate (offline manifest validation)', () => {
  it('accepts the repository manifest', () => {
    const r = spawnSync(process.execPath, [script, 'manifest.xml'], { encoding: 'utf8', cwd: repo });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/manifest\.xml: valid/);
  });

  it.each([
    [
      'elements out of the documented order',
      (x: string) => x.replace(/(<Version>[^<]*<\/Version>)\s*(<ProviderName>[^<]*<\/ProviderName>)/, '$2$1'),
      /ProviderName.*not expected|Version/,
    ],
    [
      'an unknown element',
      (x: string) => x.replace('<Permissions>', '<Colour>green</Colour><Permissions>'),
      /Colour/,
    ],
    ['a wrong permission', (x: string) => x.replace('ReadWriteDocument', 'Everything'), /Everything/],
    [
      'a display name over 125 characters',
      (x: string) =>
        x.replace(/<DisplayName DefaultValue="[^"]*"/, `<DisplayName DefaultValue="${'推'.repeat(126)}"`),
      /DisplayName|maxLength/,
    ],
    ['an Id that is not a GUID', (x: string) => x.replace(/<Id>[^<]*<\/Id>/, '<Id>suishin</Id>'), /Id/],
    [
      'an http URL',
      (x: string) =>
        x.replace('https://localhost:3000/support.html" />', 'http://localhost:3000/support.html" />'),
      /URL must be https: http:\/\/localhost:3000\/support\.html/,
    ],
    [
      'a resid without a resource',
      (x: string) => x.replace('resid="Group.Label"', 'resid="Group.Missing"'),
      /resid="Group\.Missing" does not name any resource/,
    ],
    [
      'an icon of the wrong size',
      (x: string) => x.replace('assets/icon-16.png"', 'assets/icon-80.png"'),
      /icon-80\.png is 80×80 px, expected 16×16/,
    ],
    [
      'a missing icon file',
      (x: string) => x.replace('assets/icon-64.png"', 'assets/icon-99.png"'),
      /icon-99\.png does not exist/,
    ],
    [
      'no ExcelApi requirement',
      (x: string) =>
        x.replace('<Set Name="ExcelApi" MinVersion="1.8" />', '<Set Name="DialogApi" MinVersion="1.1" />'),
      /ExcelApi/,
    ],
  ])('rejects a manifest with %s', (_, breakIt, message) => {
    const broken = breakIt(original);
    expect(broken).not.toBe(original);
    const r = validate(broken);
    expect(r.status).toBe(1);
    expect(r.out).toMatch(message);
  });

  it('exits 2 with a clear message when the file does not exist', () => {
    const r = spawnSync(process.execPath, [script, path.join(dir, 'nope.xml')], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/file not found/);
  });
});
