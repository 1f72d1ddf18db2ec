/**
 * The Office theme (colours and fonts of Excel's default workbook), so that table styles and theme colours
 * look as they do in a workbook Excel made. Japanese fonts for East Asian text, as Japanese Excel writes.
 */
const colours = [
  ['dk1', '<a:sysClr val="windowText" lastClr="000000"/>'],
  ['lt1', '<a:sysClr val="window" lastClr="FFFFFF"/>'],
  ['dk2', '<a:srgbClr val="44546A"/>'],
  ['lt2', '<a:srgbClr val="E7E6E6"/>'],
  ['accent1', '<a:srgbClr val="4472C4"/>'],
  ['accent2', '<a:srgbClr val="ED7D31"/>'],
  ['accent3', '<a:srgbClr val="A5A5A5"/>'],
  ['accent4', '<a:srgbClr val="FFC000"/>'],
  ['accent5', '<a:srgbClr val="5B9BD5"/>'],
  ['accent6', '<a:srgbClr val="70AD47"/>'],
  ['hlink', '<a:srgbClr val="0563C1"/>'],
  ['folHlink', '<a:srgbClr val="954F72"/>'],
]
  .map(([name, value]) => `<a:${name}>${value}</a:${name}>`)
  .join('');

const font = (latin: string, jpan: string) =>
  `<a:latin typeface="${latin}"/><a:ea typeface=""/><a:cs typeface=""/><a:font script="Jpan" typeface="${jpan}"/>`;

const solid = '<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>';
const line = (w: number) =>
  `<a:ln w="${w}" cap="flat" cmpd="sng" algn="ctr">${solid}<a:prstDash val="solid"/><a:miter lim="800000"/></a:ln>`;

export const THEME_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Office Theme"><a:themeElements>' +
  `<a:clrScheme name="Office">${colours}</a:clrScheme>` +
  `<a:fontScheme name="Office"><a:majorFont>${font('Calibri Light', '游ゴシック Light')}</a:majorFont><a:minorFont>${font('Calibri', '游ゴシック')}</a:minorFont></a:fontScheme>` +
  '<a:fmtScheme name="Office">' +
  `<a:fillStyleLst>${solid}${solid}${solid}</a:fillStyleLst>` +
  `<a:lnStyleLst>${line(6350)}${line(12700)}${line(19050)}</a:lnStyleLst>` +
  '<a:effectStyleLst><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle></a:effectStyleLst>' +
  `<a:bgFillStyleLst>${solid}${solid}${solid}</a:bgFillStyleLst>` +
  '</a:fmtScheme></a:themeElements><a:objectDefaults/><a:extraClrSchemeLst/></a:theme>';
