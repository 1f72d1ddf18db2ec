import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { excelJsFactory } from './exceljs/excelJsFactory';
import { checkReadLimits, describeBreach, READ_LIMITS } from './readLimits';

const zip = async (files: Record<string, string | Uint8Array>): Promise<Uint8Array> => {
  const z = new JSZip();
  for (const [name, data] of Object.entries(files)) z.file(name, data);
  return z.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
};

describe('checkReadLimits', () => {
  it('accepts a normal workbook', async () => {
    const { r2Sample } = await import('../domain/sample/r2');
    const { buildMasterTemplate } = await import('../domain/template/buildMasterTemplate');
    const wb = await excelJsFactory.create(buildMasterTemplate({ plan: r2Sample().plan, fiscalYear: 2020, title: 't' }));
    expect(checkReadLimits(await wb.toBuffer())).toBeUndefined();
  });

  it('stops a zip bomb: a small part that expands enormously', async () => {
    const bytes = await zip({ 'xl/workbook.xml': '<workbook/>', 'xl/worksheets/sheet1.xml': new Uint8Array(8 * 1024 * 1024) });
    expect(bytes.length).toBeLessThan(64 * 1024);
    const breach = checkReadLimits(bytes);
    expect(breach).toMatchObject({ kind: 'ratio', entry: 'xl/worksheets/sheet1.xml' });
    expect(describeBreach(breach!)).toContain('圧縮率');
  });

  it.each([
    ['the expanded total', { maxUncompressedBytes: 1000 }, 'uncompressed-size'],
    ['the number of parts', { maxZipEntries: 2 }, 'entries'],
    ['the file size', { maxFileBytes: 100 }, 'file-size'],
  ])('enforces %s', async (_name, override, kind) => {
    const bytes = await zip({ 'xl/workbook.xml': 'x'.repeat(600), a: 'y'.repeat(600), b: 'z' });
    expect(checkReadLimits(bytes, { ...READ_LIMITS, ...override })?.kind).toBe(kind);
  });

  it('is rejected by open() with a Japanese reason naming the file', async () => {
    const bytes = await zip({ '[Content_Types].xml': '<Types/>', 'xl/workbook.xml': '<workbook/>', 'xl/worksheets/sheet1.xml': new Uint8Array(8 * 1024 * 1024) });
    const opened = await excelJsFactory.open(bytes, '爆弾.xlsx');
    expect(opened.ok).toBe(false);
    if (!opened.ok) {
      expect(opened.error.code).toBe('file.too-large');
      expect(opened.error.message).toMatch(/^「爆弾\.xlsx」は大きすぎて/);
    }
  });
});
