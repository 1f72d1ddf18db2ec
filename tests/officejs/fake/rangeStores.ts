import { type Rect, sameRect, intersects, rectColumns } from './a1';
import type { BagStore } from './bagProxy';
import {
  DEFAULT_COLUMN_WIDTH,
  DEFAULT_ROW_HEIGHT,
  readFormat,
  setFormat,
  type FakeConditionalFormat,
  type FakeSheet,
} from './document';
import { FakeOfficeError } from './errors';

export interface RangeTarget {
  readonly sheet: FakeSheet;
  readonly rect: Rect;
}

const COLOR = /^#[0-9A-Fa-f]{6}$|^[A-Za-z]+$/;
export function normaliseColor(value: unknown): string {
  if (typeof value !== 'string' || !COLOR.test(value))
    throw new FakeOfficeError('InvalidArgument', `Invalid colour: ${String(value)}`);
  return value.startsWith('#') ? value.toUpperCase() : value.toLowerCase();
}

/** Formatting a protected sheet needs the matching `allowFormat…` option (row heights: `allowFormatRows`). */
export function checkFormatAllowed(sheet: FakeSheet, path: string): void {
  if (!sheet.protection.protected) return;
  const option =
    path === 'rowHeight'
      ? 'allowFormatRows'
      : path === 'columnWidth' || path === 'columnHidden'
        ? 'allowFormatColumns'
        : 'allowFormatCells';
  if (path.startsWith('protection.') || sheet.protection.options[option] !== true)
    throw new FakeOfficeError('AccessDenied');
}

/** The cells a border applies to: an edge of the range, or both sides of its inner lines. */
function borderTargets(rect: Rect, index: string): { rect: Rect; index: string }[] {
  const { top, left, bottom, right } = rect;
  switch (index) {
    case 'EdgeTop':
      return [{ rect: { top, left, bottom: top, right }, index }];
    case 'EdgeBottom':
      return [{ rect: { top: bottom, left, bottom, right }, index }];
    case 'EdgeLeft':
      return [{ rect: { top, left, bottom, right: left }, index }];
    case 'EdgeRight':
      return [{ rect: { top, left: right, bottom, right }, index }];
    case 'InsideHorizontal':
      return bottom === top
        ? []
        : [
            { rect: { top, left, bottom: bottom - 1, right }, index: 'EdgeBottom' },
            { rect: { top: top + 1, left, bottom, right }, index: 'EdgeTop' },
          ];
    case 'InsideVertical':
      return right === left
        ? []
        : [
            { rect: { top, left, bottom, right: right - 1 }, index: 'EdgeRight' },
            { rect: { top, left: left + 1, bottom, right }, index: 'EdgeLeft' },
          ];
    default:
      return [{ rect, index }];
  }
}

const BORDER_DEFAULTS: Readonly<Record<string, unknown>> = {
  style: 'None',
  weight: 'Thin',
  color: '#000000',
};

function uniform(values: Iterable<number>): number | null {
  const set = new Set(values);
  return set.size === 1 ? ([...set][0] ?? null) : null;
}

/** `range.format…` over the cells of a range. */
export function rangeFormatStore(resolve: () => RangeTarget): BagStore {
  return {
    read(path) {
      const { sheet, rect } = resolve();
      if (path === 'columnWidth') {
        const columns = Array.from({ length: Math.min(rectColumns(rect), 16_384) }, (_, i) => rect.left + i);
        return uniform(columns.map((c) => sheet.columnWidths.get(c) ?? DEFAULT_COLUMN_WIDTH));
      }
      if (path === 'rowHeight') {
        const rows = Array.from(
          { length: Math.min(rect.bottom - rect.top + 1, 100_000) },
          (_, i) => rect.top + i,
        );
        return uniform(rows.map((r) => sheet.rowHeights.get(r) ?? DEFAULT_ROW_HEIGHT));
      }
      if (path === 'fill.color' || path === 'fill.pattern') {
        const color = readFormat(sheet, rect, 'fill.color');
        if (path === 'fill.color') return color === undefined ? '#FFFFFF' : color;
        return color === null ? null : color === undefined ? 'None' : 'Solid';
      }
      const border = /^borders\.(\w+)\.(\w+)$/.exec(path);
      if (border) {
        const [, index = '', property = ''] = border;
        const values = borderTargets(rect, index).map((t) =>
          readFormat(sheet, t.rect, `borders.${t.index}.${property}`),
        );
        const set = new Set(values.map((v) => v ?? BORDER_DEFAULTS[property]));
        return set.size === 1 ? [...set][0] : null;
      }
      return readFormat(sheet, rect, path);
    },
    write(path, value) {
      const { sheet, rect } = resolve();
      checkFormatAllowed(sheet, path);
      if (path === 'columnWidth' || path === 'rowHeight') {
        if (typeof value !== 'number' || value < 0 || value > 1_800)
          throw new FakeOfficeError('InvalidArgument', `Invalid ${path}: ${String(value)}`);
        const [sizes, from, to] =
          path === 'columnWidth'
            ? [sheet.columnWidths, rect.left, rect.right]
            : [sheet.rowHeights, rect.top, rect.bottom];
        if (to - from > 100_000) throw new FakeOfficeError('RangeExceedsLimit');
        for (let i = from; i <= to; i += 1) sizes.set(i, value);
        return;
      }
      const border = /^borders\.(\w+)\.(\w+)$/.exec(path);
      if (border) {
        const [, index = '', property = ''] = border;
        const stored = property === 'color' ? normaliseColor(value) : value;
        for (const t of borderTargets(rect, index))
          setFormat(sheet, t.rect, `borders.${t.index}.${property}`, stored);
        return;
      }
      const colour = path === 'fill.color' || path === 'font.color';
      setFormat(sheet, rect, path, colour && value !== undefined ? normaliseColor(value) : value);
    },
  };
}

const RULE_KINDS = ['list', 'textLength', 'wholeNumber', 'decimal', 'date', 'time', 'custom'] as const;
const titleAndMessage = (value: Record<string, unknown>, what: string): void => {
  const title = typeof value.title === 'string' ? value.title : '';
  const message = typeof value.message === 'string' ? value.message : '';
  if (title.length > 32 || message.length > 255)
    throw new FakeOfficeError('InvalidArgument', `${what}: title ≤ 32, message ≤ 255 characters`);
};

function checkValidationInput(path: string, value: unknown): void {
  const record = (value ?? {}) as Record<string, unknown>;
  if (path === 'rule') {
    const kinds = Object.keys(record).filter((k) => record[k] !== undefined);
    if (kinds.length !== 1 || !RULE_KINDS.includes(kinds[0] as (typeof RULE_KINDS)[number]))
      throw new FakeOfficeError('InvalidArgument', 'A data validation rule has exactly one kind');
    const source = (record.list as { source?: unknown } | undefined)?.source;
    if (typeof source === 'string' && source.length > 255)
      throw new FakeOfficeError('InvalidArgument', 'List source longer than 255 characters');
  }
  if (path === 'prompt') titleAndMessage(record, 'prompt');
  if (path === 'errorAlert') titleAndMessage(record, 'errorAlert');
}

/** `range.dataValidation`: one rule per range (set on exactly this range), as Excel shows it. */
export function dataValidationStore(resolve: () => RangeTarget): BagStore {
  return {
    read(path) {
      const { sheet, rect } = resolve();
      const props = sheet.validations.find((v) => sameRect(v.rect, rect))?.props ?? {};
      if (path === 'type') {
        const kind = Object.keys((props.rule as object | undefined) ?? {})[0];
        return kind ? kind[0]?.toUpperCase() + kind.slice(1) : 'None';
      }
      return props[path] ?? null;
    },
    write(path, value) {
      const { sheet, rect } = resolve();
      if (sheet.protection.protected) throw new FakeOfficeError('AccessDenied');
      if (path === '$clear') {
        sheet.validations = sheet.validations.filter((v) => !intersects(v.rect, rect));
        return;
      }
      checkValidationInput(path, value);
      // office-js#2594: setting a rule on a range that partly overlaps another validated range fails with
      // InvalidArgument; clearing the range's validation first avoids it.
      if (
        path === 'rule' &&
        sheet.validations.some((v) => intersects(v.rect, rect) && !sameRect(v.rect, rect))
      )
        throw new FakeOfficeError(
          'InvalidArgument',
          'The argument is invalid or missing or has an incorrect format.',
        );
      let entry = sheet.validations.find((v) => sameRect(v.rect, rect));
      if (!entry) sheet.validations.push((entry = { rect, props: {} }));
      entry.props[path] = value;
    },
  };
}

/** One conditional format's properties. */
export function conditionalFormatStore(resolve: () => FakeConditionalFormat): BagStore {
  return {
    read(path) {
      const cf = resolve();
      return path === 'type' ? cf.type : (cf.props[path] ?? null);
    },
    write(path, value) {
      const cf = resolve();
      if (path === 'custom.rule.formula' && (typeof value !== 'string' || !value.startsWith('=')))
        throw new FakeOfficeError('InvalidArgument', 'A conditional format formula starts with "="');
      if (path.endsWith('.color') || path.endsWith('Color')) cf.props[path] = normaliseColor(value);
      else cf.props[path] = value;
    },
  };
}
