import entriesJson from '../../../samples/r3/entries.json';
import planJson from '../../../samples/r3/plan.json';
import { townSample, type Sample } from './r2';

/**
 * The R2 sample's second year (令和3年度), CONSTRUCTED for the demo from the R2 entries — not published text
 * (samples/r3/README.md, samples/r3/derive.py): new progress and 評価 text, a few results changed, one item
 * renamed (II-2-4-1), one added (II-2-4-3), one 評価・検証 left word for word as R2's (II-1-2-1 総務課) and
 * one sheet whose 後期 repeats its 前期 (II-2-1-1 総務課). Not a sample of its own (`demo --sample`): the
 * demo's R2 cycle goes on into it.
 */
let cached: Sample | undefined;
export const r3Sample = (): Sample =>
  (cached ??= townSample({ plan: planJson, entries: entriesJson }, 'r3', 'R3'));
