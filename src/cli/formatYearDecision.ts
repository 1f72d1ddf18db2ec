import type { YearDecision, YearFiles } from '../domain/fiscal/decideFiscalYear';
import { formatFiscalYear } from '../domain/fiscal/fiscalYear';

const LISTED = 5;

/** `令和3年度: a.xlsx、b.xlsx ほか 4 件`. */
const filesOfYear = (y: YearFiles): string =>
  `${formatFiscalYear(y.fiscalYear)}: ${y.files.slice(0, LISTED).join('、')}${y.files.length > LISTED ? ` ほか ${y.files.length - LISTED} 件` : ''}`;

/**
 * The year line(s) of a summary: which year was used and why, and which files carry another year. Nothing when
 * the year was named and every file agrees (the headline already names the year).
 * `verb` is what the command did with that year: 集約 or 検証; `defaultFrom` where the default came from.
 */
export function formatYearDecision(
  d: YearDecision,
  verb: '集約' | '検証',
  defaultFrom = '既定の年度',
): string[] {
  switch (d.kind) {
    case 'explicit':
      return d.others.length === 0
        ? []
        : [
            `  年度: ${formatFiscalYear(d.fiscalYear)}（--year の指定）。ほかの年度のシートがあるファイル:`,
            ...d.others.map((y) => `    ${filesOfYear(y)}`),
            ...(verb === '集約'
              ? [
                  '    ほかの年度のシートは「年度違い」として集約していません（集約ログに内容を残しています）。',
                ]
              : []),
          ];
    case 'inferred':
      return [
        `  年度: ${formatFiscalYear(d.fiscalYear)}（--year の指定がないため、ファイルに書かれた年度で${verb}しました${
          d.fallback !== undefined && d.fallback !== d.fiscalYear
            ? `。${defaultFrom}（${formatFiscalYear(d.fallback)}）とは違います`
            : ''
        }）`,
      ];
    case 'default':
      return [
        `  年度: ${formatFiscalYear(d.fiscalYear)}（--year の指定がなく、ファイルにも年度が書かれていないため${defaultFrom}）`,
      ];
    case 'mixed':
      return [
        `  年度: ${formatFiscalYear(d.fiscalYear)}（--year の指定がなく、ファイルの年度が揃っていないため${defaultFrom}で${verb}しました）。ファイルの年度:`,
        ...d.byYear.map((y) => `    ${filesOfYear(y)}`),
        ...(verb === '集約'
          ? [
              '    ほかの年度のシートは「年度違い」として集約していません。別の年度で集約するときは --year を指定してください。',
            ]
          : []),
      ];
    case 'undecided':
      return [
        `  年度: ファイルの年度が揃っていません。`,
        ...d.byYear.map((y) => `    ${filesOfYear(y)}`),
        `    年度を決めて確かめるには --year を指定してください。`,
      ];
    case 'none':
      return [];
  }
}

/** Why a consolidation without --year stopped: the files carry different years, none of them the default. */
export function undecidedYearMessage(d: Extract<YearDecision, { kind: 'undecided' }>): string {
  return `ファイルの年度が揃っていないため、どの年度として集約するか決められません（${d.byYear.map(filesOfYear).join('／')}）。--year で集約する年度を指定してください（例: --year ${formatFiscalYear(d.byYear[0]!.fiscalYear)}）。全体計画は変更していません。`;
}
