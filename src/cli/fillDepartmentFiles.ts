import { buildDepartmentFiles, type BuiltFile } from '../app/buildWorkbooks';
import { readDepartmentFile } from '../app/readDepartmentFile';
import { readSnapshot } from '../app/validateWorkbook';
import {
  inputFields,
  STANDARD_FORM,
  type FieldDef,
  type FormDefinition,
} from '../domain/entry/formDefinition';
import { entryKeyString, fieldText, type Entry } from '../domain/entry/types';
import type { ExtractedEntry } from '../domain/extract/types';
import type { Plan } from '../domain/plan/types';
import { err, ok, type Result } from '../domain/result';
import type { Progress } from '../workbook/port';
import { cliFileFactory } from './cliFileFactory';

async function extract(
  file: BuiltFile,
  plan: Plan,
  form: FormDefinition,
): Promise<readonly ExtractedEntry[]> {
  const read = await readDepartmentFile(file.bytes, file.fileName);
  if (!read.ok) throw new Error(`The workbook just built does not open: ${read.error.message}`);
  return readSnapshot(read.value, { file: file.fileName, plan, form }).extraction.entries;
}

/** A value read back as it was written: the same text, or for a 数値 field the same number (`54.0` is `54`). */
function sameValue(field: FieldDef, wanted: string, got: string): boolean {
  if (wanted === got) return true;
  if (field.kind !== 'number' || wanted.trim() === '' || got.trim() === '') return false;
  return Number(wanted) === Number(got);
}

/**
 * The demo's "departments fill their sheets": the department workbooks built again with the entries
 * pre-filled (the sheet builder writes them into the input cells: numbers as numbers, a 計算 field left to
 * its formula), then checked through the real sheet layout — read back, every input field of the form lands
 * in the cell the blank workbook's provenance names as its input cell (sheet for sheet; a second sheet of
 * an item uses the first one's cells), and equals the entry. A mismatch is a Japanese reason naming the
 * file, sheet and cell.
 */
export async function fillDepartmentFiles(
  blank: readonly BuiltFile[],
  input: {
    readonly plan: Plan;
    readonly fiscalYear: number;
    readonly entries: readonly Entry[];
    readonly title: string;
    /** The form the sheets are built from (default: the R2 form). */
    readonly form?: FormDefinition;
    /** Last year's values for the 前年度 column (rolled-over workbooks keep it when filled). */
    readonly previous?: readonly Entry[];
  },
  onProgress?: Progress,
): Promise<Result<BuiltFile[], string>> {
  const form = input.form ?? STANDARD_FORM;
  const filled = await buildDepartmentFiles(cliFileFactory, { ...input, form }, onProgress);
  const expected = new Map(input.entries.map((e) => [entryKeyString(e), e]));
  const seen = new Set<string>();
  for (const file of filled) {
    const original = blank.find((b) => b.department === file.department);
    if (!original) return err(`${file.fileName} に対応する配布用のブックがありません。`);
    const blankEntries = await extract(original, input.plan, form);
    for (const got of await extract(file, input.plan, form)) {
      const want = expected.get(entryKeyString(got.entry));
      seen.add(entryKeyString(got.entry));
      const layout = blankEntries.find(
        (b) => b.entry.code === got.entry.code && b.entry.department === got.entry.department,
      );
      for (const field of inputFields(form)) {
        const key = field.key;
        const where = `${file.fileName}「${got.source.sheet}」${got.source.cells[key]}`;
        if (layout && layout.source.cells[key] !== got.source.cells[key])
          return err(`${where}: 記入欄の位置が配布したシート（${layout.source.cells[key]}）と違います。`);
        if (!sameValue(field, want ? fieldText(want.fields, key) : '', fieldText(got.entry.fields, key)))
          return err(`${where}: 入力した「${field.label}」を読み戻せませんでした。`);
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
