/**
 * Rules across the 様式's rows: the 年度欄 fields form one band, each 見出し's fields are consecutive, one
 * field is counted (集計), and a judged 選択 field gets its 判定理由 field right after it. What breaks a rule
 * is reported and mended so that the form can still be laid out.
 */
import type { FieldDef } from '../entry/formDefinition';
import { normalizeKey } from '../text/normalizeKey';
import type { FormColumn } from './formColumns';
import type { FieldDraft, Report } from './readFormRow';

type Columns = Readonly<Partial<Record<FormColumn, number>>>;

export function checkPlacement(
  drafts: readonly FieldDraft[],
  columns: Columns,
  report: Report,
): FieldDraft[] {
  const tallied = drafts.find((d) => d.tally);
  const out = drafts.map((d): FieldDraft => {
    if (d.tally && d !== tallied)
      report(
        'form.tally-twice',
        'error',
        d.row,
        columns.tally ?? 0,
        `集計の○は一つの項目にだけ付けます（${(tallied?.row ?? 0) + 1}行目の「${tallied?.field.label ?? ''}」を集計します）。`,
      );
    const { tally: _ignored, ...field } = d.field;
    return { ...d, field: d === tallied ? { ...field, tally: true } : field };
  });

  // 年度欄: one run of consecutive fields; a field after a gap is read as full width.
  const first = out.findIndex((d) => d.field.inYearBand);
  let inRun = first >= 0;
  for (let i = first + 1; first >= 0 && i < out.length; i++) {
    const d = out[i] as FieldDraft;
    if (!d.field.inYearBand) inRun = false;
    else if (!inRun) {
      report(
        'form.year-band-split',
        'error',
        d.row,
        columns.yearBand ?? 0,
        `年度欄の○が続いていません（年度欄の項目は続けて並べます）。「${d.field.label}」は年度欄の外（全幅）として読みます。`,
      );
      out[i] = { ...d, field: { ...d.field, inYearBand: false } };
    }
  }

  // 見出し: used inside the 年度欄 only, and each over consecutive fields.
  const seen = new Set<string>();
  out.forEach((d, i) => {
    const heading = d.field.heading;
    if (heading === undefined) return;
    const { heading: _dropped, ...withoutHeading } = d.field;
    if (!d.field.inYearBand) {
      report(
        'form.heading-ignored',
        'warning',
        d.row,
        columns.heading ?? 0,
        `見出し「${heading}」は年度欄の項目にだけ付きます。「${d.field.label}」は見出しなしで読みます。`,
      );
      out[i] = { ...d, field: withoutHeading };
      return;
    }
    const previous = out[i - 1]?.field;
    const continues = previous?.inYearBand === true && previous.heading === heading;
    if (seen.has(heading) && !continues) {
      report(
        'form.heading-split',
        'error',
        d.row,
        columns.heading ?? 0,
        `見出し「${heading}」の項目が続いていません（同じ見出しの項目は続けて並べます）。「${d.field.label}」は見出しなしで読みます。`,
      );
      out[i] = { ...d, field: withoutHeading };
      return;
    }
    seen.add(heading);
  });
  return out;
}

export const reasonKey = (key: string): string => `${key}Reason`;

/** Each judged 選択 field followed by its 判定理由 field (same band and 見出し, never required). */
export function impliedReasonFields(
  drafts: readonly FieldDraft[],
  columns: Columns,
  report: Report,
): FieldDef[] {
  const judged = drafts.filter((d) => d.field.judge);
  const keys = new Set(drafts.map((d) => d.field.key.toLowerCase()));
  const labels = new Set(drafts.map((d) => normalizeKey(d.field.label)));
  return drafts.flatMap((d): FieldDef[] => {
    const { field } = d;
    if (!field.judge) return [field];
    const key = reasonKey(field.key);
    const label = judged.length > 1 ? `${field.label}の判定理由` : '判定理由';
    if (keys.has(key.toLowerCase()) || labels.has(normalizeKey(label))) {
      report(
        'form.reason-taken',
        'error',
        d.row,
        columns.judge ?? 0,
        `判定の理由を書く項目（キー「${key}」、項目「${label}」）と同じキーか項目がすでにあります。その行の名前を変えてください。この判定は使いません。`,
      );
      const { judge: _dropped, ...rest } = field;
      return [rest];
    }
    const reason: FieldDef = {
      key,
      label,
      aliases: [label],
      kind: 'text',
      ...(field.heading !== undefined && { heading: field.heading }),
      inYearBand: field.inYearBand,
      requiredFrom: 'optional',
      guidance: `判定（${field.judge.text}）と違う「${field.label}」を選んだときは、その理由を書いてください。`,
      reasonFor: field.key,
      // Published as the choice it explains is.
      ...(field.published === false && { published: false }),
      // Last year's reason is shown beside next year's when the choice travels (引継ぎ ○ or 参考).
      ...(field.carry !== undefined && { carry: 'reference' as const }),
    };
    return [field, reason];
  });
}
