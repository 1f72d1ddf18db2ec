import type { MasterRow } from '../domain/consolidation/types';
import { tallyField, type FormDefinition, type Stage } from '../domain/entry/formDefinition';
import { entryKeyString } from '../domain/entry/types';
import type { Finding } from '../domain/finding';
import type { Plan } from '../domain/plan/types';
import { validateEntries } from '../domain/validation/validateEntries';
import { withheldFields } from '../domain/publish/publishDocument';
import { MASTER_SHEET_NAME } from '../domain/template/sheetName';

/** How many findings the warning names one by one; the rest are counted. */
export const PUBLISH_FINDINGS_SHOWN = 5;

/**
 * The errors in what is about to be published: every rule of the stage (validateEntries, as 検証 and 集約
 * run them) over the entries publication writes (体系 items, not 未提出), each placed at the cell its value
 * was read from (全体計画's cell for a master read back, the department's sheet for a consolidation).
 * Only errors, and only on what is published (a field the 様式 keeps out, 公表 ×, is in no file): warnings
 * and notes are left to 検証 and 集約.
 */
export function publishFindings(
  rows: readonly MasterRow[],
  context: { readonly stage: Stage; readonly form: FormDefinition; readonly plan: Plan },
): Finding[] {
  const published = rows.filter((r) => r.status !== 'flagged' && r.status !== 'missing' && r.planItem);
  const entries = published.flatMap((r) => (r.entry ? [r.entry] : []));
  const sources = new Map(published.map((r) => [entryKeyString(r), r.source]));
  const unpublished = withheldFields(context.form);
  const keyOf = (p: Finding['place']) =>
    entryKeyString({ code: p.code ?? '', department: p.department ?? '', seq: p.seq ?? 0 });
  const rowOf = new Map(published.map((r, i) => [entryKeyString(r), i]));
  const fieldOf = new Map(context.form.fields.map((d, i) => [d.key, i]));
  // 体系 order, and within an entry the form's order (the order of 全体計画's columns and the sheet's rows).
  const order = (f: Finding): [number, number] => [
    rowOf.get(keyOf(f.place)) ?? rowOf.size,
    f.place.field === undefined ? -1 : (fieldOf.get(f.place.field) ?? fieldOf.size),
  ];
  return validateEntries(entries, context)
    .filter((f) => f.severity === 'error' && !(f.place.field && unpublished.has(f.place.field)))
    .sort((a, b) => {
      const [x, y] = [order(a), order(b)];
      return x[0] - y[0] || x[1] - y[1];
    })
    .map((f) => {
      const source = sources.get(keyOf(f.place));
      const cell = f.place.field ? source?.cells[f.place.field] : undefined;
      if (!source) return f;
      return {
        ...f,
        place: {
          ...f.place,
          ...(source.file && { file: source.file }),
          sheet: source.sheet,
          ...(cell && { cell }),
        },
      };
    });
}

/** `I-1-1-1 総務課 「目標の達成」 master.xlsx「全体計画」J12`: the entry, the field and the cell to fix. */
function where(f: Finding, form: FormDefinition): string {
  const p = f.place;
  const field = form.fields.find((d) => d.key === p.field);
  const sheet = p.sheet ? `${p.file ?? ''}「${p.sheet}」${p.cell ?? ''}` : '';
  return [
    p.code,
    p.department,
    p.seq !== undefined && p.seq > 1 ? `（${p.seq}枚目）` : undefined,
    field ? `「${field.label}」` : undefined,
    sheet || undefined,
  ]
    .filter((part) => part !== undefined && part !== '')
    .join(' ');
}

/**
 * The Japanese warning for publishing with errors, one line each (the CLI prints them to stderr; the pane
 * shows them in its result): how many, the first few with entry, field and cell, and what the written files
 * hold — the values as written (nothing dropped or blanked), an invalid 集計 choice counted as 未記入.
 * Empty when there is nothing to say.
 */
export function publishWarning(findings: readonly Finding[], form: FormDefinition): string[] {
  if (findings.length === 0) return [];
  const entries = new Set(findings.map((f) => `${f.place.code}|${f.place.department}|${f.place.seq}`));
  const shown = findings.slice(0, PUBLISH_FINDINGS_SHOWN);
  const rest = findings.length - shown.length;
  const tally = tallyField(form);
  const tallyInvalid =
    tally && findings.some((f) => f.place.field === tally.key && /-invalid$/u.test(f.code));
  return [
    `${MASTER_SHEET_NAME}にエラーが ${findings.length} 件あります（取組項目 ${entries.size} 件）。公開前に直してください。${rest > 0 ? `最初の ${shown.length} 件:` : ''}`,
    ...shown.map((f) => `  ${where(f, form)}: ${f.message}`),
    ...(rest > 0 ? [`  ほか ${rest} 件（${MASTER_SHEET_NAME}の「検証結果」の列で確かめられます）`] : []),
    `書き出したファイル（report.html・opendata.csv・opendata.xlsx）には、エラーのある欄も${MASTER_SHEET_NAME}に書かれたとおりに入っています（選択肢にない値もその文字のまま。消したり空欄にしたりはしていません）。${
      tallyInvalid ? `「${tally.label}」の選択肢にない値は、達成状況では未記入として数えています。` : ''
    }`,
  ];
}
