import { writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { buildMasterTemplateFile } from '../../src/app/buildWorkbooks';
import { r2Sample } from '../../src/domain/sample/r2';
import { excelJsFactory } from '../../src/workbook/exceljs/excelJsFactory';

/**
 * A large master workbook: the R2 体系 and 全体計画, plus a 記録 sheet of `rows` rows of distinct Japanese text,
 * numbers and dates (≈ 90 bytes of .xlsx per row: 60,000 rows ≈ 5.5 MB).
 */
export async function writeBigWorkbook(path: string, rows = 60_000): Promise<number> {
  const sample = r2Sample();
  const workbook = new ExcelJS.Workbook();
  const template = await buildMasterTemplateFile(excelJsFactory, {
    plan: sample.plan,
    fiscalYear: sample.fiscalYear,
  });
  await workbook.xlsx.load(template.slice().buffer as ArrayBuffer);
  const texts = sample.entries.flatMap((e) => Object.values(e.fields)).filter((t) => t.length > 0);
  const departments = sample.plan.departments;
  const sheet = workbook.addWorksheet('記録');
  sheet.addRow(['No', 'コード', '実践課', '内容', '金額', '日付']);
  for (let r = 0; r < rows; r++)
    sheet.addRow([
      r + 1,
      `I-${(r % 2) + 1}-${(r % 4) + 1}-1`,
      departments[r % departments.length],
      `${texts[r % texts.length]}（${r + 1}）`,
      r * 3.5,
      new Date(Date.UTC(2020, 3 + (r % 12), 1 + (r % 28))),
    ]);
  const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
  writeFileSync(path, bytes);
  return bytes.length;
}
