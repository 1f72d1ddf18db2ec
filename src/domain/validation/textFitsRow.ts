import { perObject } from '../memo';
import type { FieldKey, FormDefinition } from '../entry/formDefinition';
import { fieldText, type Entry } from '../entry/types';
import type { Finding } from '../finding';
import { ENTRY_COLUMN_WIDTHS } from '../template/buildEntrySheet';
import { entryLayout } from '../template/entryLayout';
import {
  charactersThatFit as fitInRow,
  lineCapacity,
  linesHeight,
  MAX_ROW_HEIGHT,
  maxLinesInRow,
  wrappedLineCount,
} from '../template/rowHeight';
import { FONT_SIZE } from '../template/templateStyles';
import { entryFinding, quote, type ValidationContext } from './context';

export const TEXT_CUT_CODE = 'entry.text-cut';

/** How wide (in characters) each text input of a form is on the entry sheet. */
const inputWidths = perObject(
  (form: FormDefinition): ReadonlyMap<FieldKey, number> =>
    new Map(
      entryLayout(form).inputs.map((i) => [
        i.field.key,
        ENTRY_COLUMN_WIDTHS.slice(i.range.left, i.range.right + 1).reduce((a, b) => a + b, 0),
      ]),
    ),
);

/** About how many full-width characters a row can show in a cell this wide (rowHeight.charactersThatFit). */
export const charactersThatFit = (widthChars: number, fontSize = FONT_SIZE): number =>
  fitInRow(widthChars, fontSize);

/** Whether the text fits one row of Excel's largest height, by the estimate the sheet's heights use. */
export function fitsOneRow(text: string, widthChars: number, fontSize = FONT_SIZE): boolean {
  // Most texts fit by far, and a bound tells without measuring them: every line takes at most its width over
  // the capacity plus one, every character is at most two units wide, and every \r or \n ends a line.
  const bound = Math.floor((2 * text.length) / lineCapacity(widthChars, fontSize)) + 1 + breaks(text);
  if (linesHeight(bound, fontSize) <= MAX_ROW_HEIGHT) return true;
  return linesHeight(wrappedLineCount(text, widthChars, fontSize), fontSize) <= MAX_ROW_HEIGHT;
}

/** How many \r and \n the text holds (a \r\n counts twice: a bound on its line breaks). */
function breaks(text: string): number {
  let n = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) n++;
  for (let at = text.indexOf('\r'); at !== -1; at = text.indexOf('\r', at + 1)) n++;
  return n;
}

/**
 * Each value is one cell in one row of the entry sheet, and Excel shows at most 409pt of a row: text past
 * that is cut on screen and on paper (the printed report too), whatever the form's soft length limit says.
 * Line breaks count: each starts a line.
 */
export function checkTextFitsRow(entry: Entry, ctx: ValidationContext): Finding[] {
  const byField = inputWidths(ctx.form);
  const found: Finding[] = [];
  for (const def of ctx.form.fields) {
    const width = byField.get(def.key);
    if (def.kind !== 'text' || width === undefined || fitsOneRow(fieldText(entry.fields, def.key), width))
      continue;
    const perLine = Math.floor(lineCapacity(width, FONT_SIZE) / 2);
    found.push(
      entryFinding(
        TEXT_CUT_CODE,
        'warning',
        `${quote(def)}は長すぎて、Excelではこのセルに約${charactersThatFit(width)}文字（1行に全角${perLine}文字ほど×${maxLinesInRow(FONT_SIZE)}行。改行すると次の行）までしか表示できません。超えた部分は画面でも印刷でも切れてしまいます。短くするか、箇条書きにまとめて別の資料に分けてください。`,
        entry,
        def.key,
      ),
    );
  }
  return found;
}
