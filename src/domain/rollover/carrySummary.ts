import type { FormDefinition } from '../entry/formDefinition';
import { formatFiscalYear } from '../fiscal/fiscalYear';

/**
 * What a rollover carried into next year's sheets, in one line for the CLI and the pane: the entries it
 * started from and, by the 様式's 引継ぎ, which fields start from last year's text (○) and which are shown beside
 * (参考). A 様式 that carries nothing says so and how to change it, instead of 「下書きとして記入: なし」 under a
 * count that reads as if something was carried.
 */
export function carrySummary(
  form: FormDefinition,
  entries: number,
  nextYear: number,
  options: { readonly printReference?: boolean } = {},
): string {
  const carried = form.fields.filter((f) => f.carry === 'carry').map((f) => f.label);
  const shown = form.fields.filter((f) => f.carry !== undefined).map((f) => f.label);
  if (shown.length === 0)
    return `引き継いだ記入: なし（前年度の記入 ${entries} 件。様式の「引継ぎ」の列に ○ も 参考 もないため、${formatFiscalYear(nextYear)}のシートは空欄から始まります。前年度の文から書き始める項目には ○、横に表示するだけの項目には 参考 を入れてください）`;
  // Nothing to carry (a template, or a year nobody sent anything): no list of fields that reads as carried.
  if (entries === 0)
    return `引き継いだ記入 0 件（前年度の全体計画に記入がないため、${formatFiscalYear(nextYear)}のシートは空欄から始まります）`;
  return `引き継いだ記入 ${entries} 件（下書きとして記入: ${carried.join('・') || 'なし'}／前年度の欄に表示: ${shown.join('・')}${options.printReference ? '、印刷にも含む' : ''}）`;
}
