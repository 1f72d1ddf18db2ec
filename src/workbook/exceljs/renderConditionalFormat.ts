import type { ConditionalFormattingRule, Worksheet } from 'exceljs';
import { assertNever } from '../../domain/result';
import type { ConditionalFormatSpec } from '../../domain/template/sheetSpec';
import { blankRuleFormula } from '../excelConventions';
import { rangeAddress } from '../../domain/cellAddress';
import { argb } from '../a1';
import { dxfFill } from './excelStyle';

function rule(spec: ConditionalFormatSpec): ConditionalFormattingRule {
  switch (spec.kind) {
    case 'blank':
      return {
        type: 'expression',
        priority: 0, // 0 = let ExcelJS number the rules in order
        formulae: [blankRuleFormula(spec.range.top, spec.range.left)],
        style: { fill: dxfFill(spec.fill) },
      };
    case 'dataBar':
      // `color` is read by ExcelJS's databar xform but missing from its DataBarRuleType.
      return {
        type: 'dataBar',
        priority: 0,
        gradient: false,
        cfvo: [{ type: 'min' }, { type: 'max' }],
        color: { argb: argb(spec.color) },
      } as ConditionalFormattingRule;
    default:
      return assertNever(spec, 'Unknown conditional format');
  }
}

export function renderConditionalFormat(ws: Worksheet, spec: ConditionalFormatSpec): void {
  ws.addConditionalFormatting({ ref: rangeAddress(spec.range), rules: [rule(spec)] });
}
