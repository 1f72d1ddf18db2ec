import { LABEL_FILL } from '../template/templateStyles';

/**
 * The report's CSS, inline (the page makes no request). On screen a readable column; printed on A4 like the
 * report sheets: each 基本項目 starts a page, an item kept on one page when it fits, label cells shaded as on
 * the sheet, rows never split, long words wrapped rather than cut.
 */
export const REPORT_CSS = `
:root { color: #1a1a1a; background: #fff; font-family: "Hiragino Kaku Gothic ProN", "Yu Gothic", "Meiryo", "Noto Sans CJK JP", "Noto Sans JP", sans-serif; line-height: 1.6; }
body { margin: 0 auto; max-width: 60rem; padding: 1rem 1.25rem 3rem; }
h1 { font-size: 1.6rem; margin: 0.5rem 0; }
h2 { font-size: 1.35rem; border-bottom: 2px solid #2f5597; padding-bottom: 0.2rem; margin-top: 2.5rem; }
h3 { font-size: 1.15rem; margin-top: 2rem; }
h4 { font-size: 1.05rem; margin: 1.5rem 0 0.5rem; }
a { color: #1a4f9c; }
a:focus-visible { outline: 3px solid #1a4f9c; outline-offset: 2px; }
.lead { margin: 0.25rem 0; }
nav ol { list-style: none; padding-left: 1.25rem; }
nav > ol { padding-left: 0; }
nav li { margin: 0.15rem 0; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; }
caption { text-align: left; font-weight: bold; padding: 0.25rem 0; }
th, td { border: 1px solid #7f7f7f; padding: 0.35rem 0.5rem; vertical-align: top; text-align: left; }
th { background: ${LABEL_FILL}; font-weight: bold; }
table.entry { table-layout: fixed; }
table.entry th { width: 24%; }
td.text { white-space: pre-wrap; overflow-wrap: anywhere; }
td.number, table.summary td { text-align: right; font-variant-numeric: tabular-nums; }
.empty { color: #595959; }
.missing { border: 1px solid #7f7f7f; padding: 0.5rem; background: #fce4d6; }
.code { font-weight: normal; font-size: 0.9em; }
.chart { width: 100%; height: auto; max-width: 40rem; display: block; margin: 0.5rem 0 1rem; }
.chart-label { font-size: 13px; fill: #1a1a1a; }
.scroll-x { overflow-x: auto; }
.scroll-x:focus-visible { outline: 3px solid #1a4f9c; outline-offset: 2px; }
@media (max-width: 36rem) { .chart, table.summary { min-width: 34rem; } }
.print-head { display: none; }
@page { size: A4 portrait; margin: 15mm 12mm; @bottom-center { content: counter(page) " / " counter(pages); font-size: 9pt; } }
@media print {
  :root { font-size: 10pt; }
  body { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
  .basic { break-before: page; }
  h1, h2, h3, h4, caption { break-after: avoid; }
  tr, .chart { break-inside: avoid; }
  /* An item (its heading and its departments' tables) starts a page rather than leaving its heading and a
     row or two at the foot of one; an item longer than a page still breaks between rows. */
  article.item { break-inside: avoid-page; }
  /* …and an item longer than a page breaks between its departments' tables, each kept whole when it fits. */
  table.entry { break-inside: avoid-page; }
  th, td { padding: 0.2rem 0.35rem; }
  .print-head { display: table-header-group; }
  .print-head th { background: #fff; font-weight: normal; font-size: 0.9em; }
  .scroll-x { overflow: visible; }
}
`;
