// LibreOffice headless, as the independent reader tests call it: a private profile per run (a stale or
// shared profile makes soffice hang or exit silently), several files per call (startup is most of the cost).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const CSV_ALL_SHEETS = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1';

const has = (command, args) => spawnSync(command, args, { stdio: 'ignore' }).status === 0;

/** The readers that are missing on this machine, as Debian package names. */
export function missingReaders() {
  const missing = [];
  if (!has('soffice', ['--version'])) missing.push('libreoffice-calc-nogui (soffice)');
  if (!has('/usr/bin/python3', ['-c', 'import openpyxl']))
    missing.push('python3-openpyxl (/usr/bin/python3)');
  if (!has('pdftoppm', ['-v'])) missing.push('poppler-utils (pdftoppm)');
  return missing;
}

/** Convert files with soffice; returns { status, output }. */
export function sofficeConvert(to, files, outdir, timeoutMs = 300_000) {
  const profile = mkdtempSync(join(tmpdir(), 'suishin-soffice-'));
  try {
    const r = spawnSync(
      'soffice',
      [
        `-env:UserInstallation=${pathToFileURL(profile).href}`,
        '--headless',
        '--norestore',
        '--convert-to',
        to,
        '--outdir',
        outdir,
        ...files,
      ],
      { encoding: 'utf8', timeout: timeoutMs },
    );
    return {
      status: r.status,
      output: `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error) : ''}`,
    };
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}
