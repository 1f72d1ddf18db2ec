import { describe, expect, it } from 'vitest';
import { displayWidth } from '../domain/template/rowHeight';
import { USAGE } from './usage';

/** The options block of a usage text: from オプション: to the first blank line. */
const optionLines = (text: string): string[] => {
  const lines = text.split('\n');
  const start = lines.indexOf('オプション:');
  if (start < 0) return [];
  const end = lines.findIndex((line, i) => i > start && line.trim() === '');
  return lines.slice(start + 1, end < 0 ? undefined : end);
};

/** The display column where a line's description starts: after the option and its gap, or its indent. */
const descriptionColumn = (line: string): number => {
  const option = /^( {2}-\S+(?: -\S+)*(?: <[^>]+>)? +)\S/.exec(line);
  return displayWidth(option ? option[1]! : /^\s*/.exec(line)![0]);
};

describe('usage texts', () => {
  it.each(Object.entries(USAGE))('%s: every option description starts in the same column', (_, text) => {
    const columns = optionLines(text).map(descriptionColumn);
    expect(new Set(columns).size, optionLines(text).join('\n')).toBeLessThanOrEqual(1);
  });
});
