import { buildDepartmentFiles, type BuiltFile } from '../app/buildWorkbooks';
import { readDepartmentFile } from '../app/readDepartmentFile';
import { readSnapshot } from '../app/validateWorkbook';
import { FIELD_KEYS } from '../domain/entry/formDefinition';
import { entryKeyString, type Entry } from '../domain/entry/types';
import type { ExtractedEntry } from '../domain/extract/types';
import type { Plan } from '../domain/plan/types';
import { err, ok, type Result } from '../domain/result';
import { excelJsFactory } from '../workbook/exceljs/excelJsFactory';
import type { Progress } from '../workbook/port';

async function extract(file: BuiltFile, plan: Plan): Promise<readonly ExtractedEntry[]> {
  const read = await readDepartmentFile(file.bytes, file.fileName);
  if (!read.ok) throw new Error(`The workbook just built does not open: ${read.error.message}`);
  return readSnapshot(read.value, { file: file.fileName, plan }).extraction.entries;
}

/**
 * The demo's "departments fill their sheets": the department workbooks built again with the entries
 * pre-filled (the sheet builder writes them into the input cells), then checked through the real sheet
 * layout — read back, every entry's text lands in the cells the blank workbook's provenance names as the
 * input cells (sheet for sheet; a second sheet of an item uses the first one's cells), and equals the
 * entry. A mismatch is a Japanese reason naming the file, sheet and cell.
 */
export async function fillDepartmentFiles(
  blank: readonly BuiltFile[],
  input: {
    readonly plan: Plan;
    readonly fiscalYear: number;
    readonly entries: readonly Entry[];
    readonly title: string;
  },
  onProgress?: Progress,
): Promise<Result<BuiltFile[], string>> {
  const filled = await buildDepartmentFiles(excelJsFactory, input, onProgress);
  const expected = new Map(input.entries.map((e) => [entryKeyString(e), e]));
  const seen = new Set<string>();
  for (const file of filled) {
    const original = blank.find((b) => b.department === file.department);
    if (!original) return err(`${file.fileName} に対応する配布用のブックがありません。`);
    const blankEntries = await extract(original, input.plan);
    for (const got of await extract(file, input.plan)) {
      const want = expected.get(entryKeyString(got.entry));
      seen.add(entryKeyString(got.entry));
      const layout = blankEntries.find(
        (b) => b.entry.code === got.entry.code && b.entry.department === got.entry.department,
      );
      for (const key of FIELD_KEYS) {
        const where = `${file.fileName}「${got.source.sheet}」${got.source.cells[key]}`;
        if (layout && layout.source.cells[key] !== got.source.cells[key])
          return err(`${where}: 記入欄の位置が配布したシート（${layout.source.cells[key]}）と違います。`);
        if ((want?.fields[key] ?? '') !== got.entry.fields[key])
          return err(`${where}: 入力した内容を読み戻せませんでした。`);
      }
    }
  }
  const lost = input.entries.filter((e) => !seen.has(entryKeyString(e)));
  if (lost.length > 0)
    return err(
      `入力したシートが見つかりません: ${lost.map((e) => `${e.code} ${e.department} (${e.seq})`).join('、')}`,
    );
  return ok(filled);
}
