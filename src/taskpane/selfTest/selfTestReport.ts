import type { PortCaseResult } from '../../workbook/contract/runPortCases';
import type { ExcelHostInfo } from '../../workbook/officejs/hostInfo';

/** The text a town hall copies and sends back: where it ran, then each case with 合格 / 不合格 and why. */
export function selfTestReport(
  info: ExcelHostInfo,
  results: readonly PortCaseResult[],
  total: number,
  at: Date,
): string {
  const failed = results.filter((r) => !r.ok);
  const lines = [
    '推進 自己診断の結果',
    `実行日時: ${at.toLocaleString('ja-JP', { timeZone: 'Asia/Tokyo' })}`,
    `Excel: ${info.host} ${info.version}（${info.platform}）`,
    `ExcelApi: ${info.excelApi ?? '不明'}`,
    ...info.sets.map((s) => `${s.name}: ${s.supported ? '対応' : '非対応'}`),
    `結果: ${results.length} / ${total} 件を実行、合格 ${results.length - failed.length} 件、不合格 ${failed.length} 件`,
    '',
    ...results.map(
      (r) =>
        `${r.ok ? '合格' : '不合格'}  ${r.label}（${r.name}, ${r.ms} ms）${r.ok ? '' : `\n    ${r.message ?? ''}`}`,
    ),
  ];
  return lines.join('\n');
}
