import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { r2Sample } from '../../domain/sample/r2';
import { buildMasterTemplate } from '../../domain/template/buildMasterTemplate';
import { buildTableSheet } from '../../domain/template/buildTableSheet';
import { excelJsFactory } from './excelJsFactory';
import { relativePath, relativeTargets, withRelativeTargets } from './relativeTargets';

/** The package with every internal relationship target written absolute, as openpyxl saves it. */
function withAbsoluteTargets(bytes: Uint8Array): Uint8Array {
  const files = unzipSync(bytes);
  for (const name of Object.keys(files).filter((n) => /^xl\/(.+\/)?_rels\/[^/]+\.rels$/.test(n))) {
    const folder = name.replace(/\/?_rels\/[^/]+$/, '');
    const xml = strFromU8(files[name]!).replace(/<Relationship\b[^>]*>/g, (element) =>
      /TargetMode="External"/.test(element)
        ? element
        : element.replace(/Target="([^"/][^"]*)"/, (_, target: string) => {
            const parts = [...folder.split('/'), ...target.split('/')];
            const out: string[] = [];
            for (const part of parts)
              if (part === '..') out.pop();
              else out.push(part);
            return `Target="/${out.join('/')}"`;
          }),
    );
    files[name] = strToU8(xml);
  }
  return zipSync(files);
}

describe('relative relationship targets for ExcelJS', () => {
  it('computes a target relative to the part’s folder', () => {
    expect(relativePath('xl/worksheets', 'xl/tables/table1.xml')).toBe('../tables/table1.xml');
    expect(relativePath('xl/worksheets', 'xl/worksheets/sheet2.xml')).toBe('sheet2.xml');
    expect(relativePath('xl', 'xl/worksheets/sheet1.xml')).toBe('worksheets/sheet1.xml');
    expect(relativePath('xl/drawings', 'customXml/item1.xml')).toBe('../../customXml/item1.xml');
  });

  it('rewrites internal absolute targets and leaves external links and relative targets alone', () => {
    const xml =
      '<Relationships><Relationship Id="rId1" Type="t" Target="/xl/tables/table1.xml"/>' +
      "<Relationship Id='rId2' Type='t' Target='/xl/comments1.xml'/>" +
      '<Relationship Id="rId3" Type="h" Target="/share/計画.xlsx" TargetMode="External"/>' +
      '<Relationship Id="rId4" Type="t" Target="../drawings/drawing1.xml"/></Relationships>';
    expect(relativeTargets(xml, 'xl/worksheets')).toBe(
      '<Relationships><Relationship Id="rId1" Type="t" Target="../tables/table1.xml"/>' +
        "<Relationship Id='rId2' Type='t' Target='../comments1.xml'/>" +
        '<Relationship Id="rId3" Type="h" Target="/share/計画.xlsx" TargetMode="External"/>' +
        '<Relationship Id="rId4" Type="t" Target="../drawings/drawing1.xml"/></Relationships>',
    );
  });

  it('opens a workbook with tables saved with absolute targets, which ExcelJS alone refuses as corrupt', async () => {
    const { plan, fiscalYear } = r2Sample();
    const template = buildMasterTemplate({ plan, fiscalYear, title: '町政運営推進プラン' });
    const table = buildTableSheet({
      name: '提出状況',
      title: '提出状況',
      columns: [
        { header: '実践課', width: 18 },
        { header: '提出', width: 8, kind: 'number' },
      ],
      rows: [['総務課', 13]],
      tableName: 'Submissions',
    });
    const created = await excelJsFactory.create({ ...template, sheets: [...template.sheets, table] });
    const saved = withAbsoluteTargets(await created.toBuffer());
    expect(strFromU8(unzipSync(saved)['xl/worksheets/_rels/sheet3.xml.rels']!)).toContain(
      'Target="/xl/tables/',
    );

    const opened = await excelJsFactory.open(saved, 'openpyxlで保存.xlsx');
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    const [sheet] = (await opened.value.readSnapshot(['提出状況'])).sheets;
    expect(sheet!.values[3]).toEqual(['総務課', 13]);
  });

  it('hands a package with relative targets on as it is', async () => {
    const { plan, fiscalYear } = r2Sample();
    const template = buildMasterTemplate({ plan, fiscalYear, title: '町政運営推進プラン' });
    const bytes = await (await excelJsFactory.create(template)).toBuffer();
    expect(withRelativeTargets(bytes)).toBe(bytes);
  });
});
