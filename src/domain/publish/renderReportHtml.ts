import {
  firstChoiceRate,
  firstChoiceShare,
  tallyTitle,
  totalOf,
} from '../consolidation/summarizeAchievement';
import type { AchievementCounts, AchievementSummary } from '../consolidation/types';
import { computedPercentText } from '../entry/fieldValue';
import type { FieldDef } from '../entry/formDefinition';
import { formatFiscalYear } from '../fiscal/fiscalYear';
import { groupBy } from '../consolidation/groupBy';
import { basicLabel, fullItemLabel, promotionLabel } from '../plan/planItems';
import { achievementChart, percent } from './achievementChart';
import { escapeHtml as e } from './escapeHtml';
import {
  publishedDepartment,
  type PublishDocument,
  type PublishEntry,
  type PublishedValue,
} from './publishDocument';
import { REPORT_CSS } from './reportStyles';

export const SUMMARY_ID = 'summary';
const basicId = (n: number): string => `basic-${n}`;
const promotionId = (b: number, p: number): string => `basic-${b}-promotion-${p}`;

/** The report's title: `令和6年度 町政運営推進プラン 取組状況`. */
export const reportTitle = (doc: Pick<PublishDocument, 'fiscalYear' | 'title'>): string =>
  `${formatFiscalYear(doc.fiscalYear)} ${doc.title} 取組状況`;

/**
 * A field's row label: its 見出し before it when it has one (進捗状況 前期 (4～9月)), unless the label already
 * begins with it (実績 over 実績値 reads 実績値, not 実績 実績値).
 */
export const fieldLabel = (f: FieldDef): string =>
  f.heading && !f.label.startsWith(f.heading) ? `${f.heading} ${f.label}` : f.label;

/** A published value as people read it: 計算 as a percentage, numbers grouped, dates as 2024年7月1日. */
export function displayValue(f: FieldDef, v: PublishedValue): string {
  if (v === '') return '';
  if (typeof v === 'number')
    return f.kind === 'computed' || f.percent
      ? computedPercentText(v)
      : v.toLocaleString('ja-JP', { maximumFractionDigits: 10 });
  const iso = f.kind === 'date' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(v) : null;
  return iso ? `${Number(iso[1])}年${Number(iso[2])}月${Number(iso[3])}日` : v;
}

function entryTable(doc: PublishDocument, entry: PublishEntry): string {
  const caption = `${publishedDepartment(entry)}${entry.seq > 1 ? `（${entry.seq}）` : ''}`;
  if (entry.status === 'missing')
    return `<p class="missing"><strong>${e(caption)}</strong>: ${
      entry.blankSheet
        ? 'この取組項目のシートは空欄のまま届きました（未提出）。'
        : 'この取組項目のシートは提出されていません（未提出）。'
    }</p>`;
  // An empty field: 未記入 where the 様式 asks for it; a 計算 with nothing to compute from, —; an optional
  // field left blank (判定理由 where the 判定 follows the rule) is not a row at all.
  const rows = doc.fields.flatMap((f) => {
    const shown = displayValue(f, entry.values[f.key] ?? '');
    if (shown === '' && f.kind !== 'computed' && f.requiredFrom === 'optional') return [];
    const cls = f.kind === 'number' || f.kind === 'computed' ? 'number' : 'text';
    const empty = f.kind === 'computed' ? '—' : '未記入';
    return [
      `<tr><th scope="row">${e(fieldLabel(f))}</th><td class="${cls}">${
        shown === '' ? `<span class="empty">${empty}</span>` : e(shown)
      }</td></tr>`,
    ];
  });
  // Printed, every page of the table names its item and department (a header row the browser repeats on
  // each page): a long item went on over pages that began mid-table with nothing to say whose it was.
  return `<table class="entry"><caption>実践課: ${e(caption)}</caption><thead class="print-head"><tr><th colspan="2" scope="col">${e(
    `${entry.planItem.code} ${fullItemLabel(entry.planItem)}　実践課: ${caption}`,
  )}</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function summaryTable(a: AchievementSummary): string {
  const rate = firstChoiceRate(a.choices);
  // うち未提出, as 達成状況 has it: a department that sent nothing is not one that chose nothing.
  const head = ['区分', ...a.choices, '未記入', 'うち未提出', '計', ...(rate ? [rate] : [])];
  const row = (label: string, c: AchievementCounts): string => {
    const total = totalOf(c);
    const cells = [...c.byChoice, c.blank, c.missing, total].map((n) => `<td>${n}</td>`).join('');
    return `<tr><th scope="row">${e(label)}</th>${cells}${
      rate ? `<td>${firstChoiceShare(c) === null ? '—' : percent(c.byChoice[0] ?? 0, total)}</td>` : ''
    }</tr>`;
  };
  const title = tallyTitle(a.field?.label ?? '達成');
  return `<table class="summary"><caption>${e(`${title}（全体と基本項目別、件数）`)}</caption><thead><tr>${head
    .map((h) => `<th scope="col">${e(h)}</th>`)
    .join('')}</tr></thead><tbody>${row('全体', a.total)}${a.byBasic
    .map((g) => row(g.label, g.counts))
    .join('')}</tbody></table>`;
}

/** A box that scrolls sideways on a narrow screen, reachable by keyboard (a scrollable region must be). */
const scrollX = (label: string, inner: string): string =>
  `<div class="scroll-x" tabindex="0" role="group" aria-label="${e(`${label}（横に動かして見られます）`)}">${inner}</div>`;

function summarySection(doc: PublishDocument): string {
  const a = doc.achievement;
  const title = a?.field ? tallyTitle(a.field.label) : '達成状況';
  const body = a
    ? // On a phone the table and the chart keep a readable size and scroll sideways (the chart's labels were
      // 7 px at 390 px, the table's 基本項目 one character a line).
      `${scrollX(`${title}の表`, summaryTable(a))}${scrollX(`${title}のグラフ`, achievementChart(a, 'chart'))}`
    : '<p>この報告書では達成状況を集計していません。</p>';
  return `<section aria-labelledby="${SUMMARY_ID}"><h2 id="${SUMMARY_ID}">${e(title)}</h2>${body}</section>`;
}

function tableOfContents(doc: PublishDocument): string {
  const basics = doc.plan.basics.map(
    (b) =>
      `<li><a href="#${basicId(b.number)}">${e(basicLabel(b))}</a><ol>${b.promotions
        .map((p) => `<li><a href="#${promotionId(b.number, p.number)}">${e(promotionLabel(p))}</a></li>`)
        .join('')}</ol></li>`,
  );
  const summary = doc.achievement?.field ? tallyTitle(doc.achievement.field.label) : '達成状況';
  return `<nav aria-labelledby="toc"><h2 id="toc">目次</h2><ol><li><a href="#${SUMMARY_ID}">${e(
    summary,
  )}</a></li>${basics.join('')}</ol></nav>`;
}

/** The entries in 体系 order: a section per 基本項目 (h2) and 推進項目 (h3), an article per 取組項目 (h4). */
function planSections(doc: PublishDocument): string {
  const byItem = groupBy(doc.entries, (x) => x.planItem.code);
  return doc.plan.basics
    .map((b) => {
      const promotions = b.promotions.map((p) => {
        const items = p.groups.flatMap((g) =>
          g.items.map((item) => {
            const entries = byItem.get(item.code) ?? [];
            const first = entries[0];
            if (!first) return '';
            const id = `item-${item.code}`;
            return `<article class="item" aria-labelledby="${e(id)}"><h4 id="${e(id)}">${e(
              fullItemLabel(first.planItem),
            )} <span class="code">（${e(item.code)}）</span></h4>${entries
              .map((x) => entryTable(doc, x))
              .join('')}</article>`;
          }),
        );
        const id = promotionId(b.number, p.number);
        return `<section aria-labelledby="${id}"><h3 id="${id}">${e(promotionLabel(p))}</h3>${items.join('')}</section>`;
      });
      const id = basicId(b.number);
      return `<section class="basic" aria-labelledby="${id}"><h2 id="${id}">${e(basicLabel(b))}</h2>${promotions.join('')}</section>`;
    })
    .join('\n');
}

/**
 * The report for the town's website as one self-contained HTML page (no script, no external request):
 * lang="ja", a table of contents, 達成状況 as a table and an inline chart with its text, then every entry
 * in 体系 order as a table of its published fields (th scope="row"). Pure string building; every text escaped.
 */
export function renderReportHtml(doc: PublishDocument): string {
  const title = reportTitle(doc);
  const submitted = doc.entries.filter((x) => x.status === 'submitted').length;
  return `<!DOCTYPE html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<header><h1>${e(title)}</h1><p class="lead">取組項目 ${doc.entries.length} 件（提出 ${submitted} 件、未提出 ${
    doc.entries.length - submitted
  } 件）を、計画の体系の順に掲載しています。</p></header>
${tableOfContents(doc)}
<main>
${summarySection(doc)}
${planSections(doc)}
</main>
</body>
</html>
`;
}
