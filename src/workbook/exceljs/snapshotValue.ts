import type { CellValue as ExcelValue } from 'exceljs';
import type { CellValue } from '../../domain/template/sheetSpec';
import { normaliseLineBreaks } from '../excelConventions';

/** A date as ISO text: `2020-04-01` when it has no time of day, `2020-04-01T09:30:00` otherwise. */
export function isoDate(date: Date): string | null {
  if (Number.isNaN(date.getTime())) return null;
  const iso = date.toISOString(); // ExcelJS reads serial dates as UTC
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19);
}

/**
 * An ExcelJS cell value → a snapshot value: rich text → its plain text, a hyperlink → its text, a formula →
 * its cached result, a date → ISO text, an error → its code (`#REF!`). Empty text is `null`, as an empty cell.
 */
export function cellValueOf(value: ExcelValue | unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value === '' ? null : normaliseLineBreaks(value);
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'boolean') return value;
  if (value instanceof Date) return isoDate(value);
  if (typeof value !== 'object') return null;
  if ('richText' in value && Array.isArray(value.richText)) {
    return cellValueOf(
      value.richText
        .map((run: { text?: unknown }) => (typeof run.text === 'string' ? run.text : ''))
        .join(''),
    );
  }
  if ('formula' in value || 'sharedFormula' in value)
    return 'result' in value ? cellValueOf(value.result) : null;
  if ('hyperlink' in value && 'text' in value) return cellValueOf(value.text);
  if ('error' in value && typeof value.error === 'string') return value.error;
  return null;
}
