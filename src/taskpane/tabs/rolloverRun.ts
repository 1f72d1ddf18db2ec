/**
 * What シート作成's 引継ぎ needs, loaded on first use in a chunk of its own (see useRollover): the same use
 * case as `suishin rollover`, the reader the 集約 tab uses for a past year's master, and the template writer
 * that turns the open workbook's 体系 into next year's 体系 workbook.
 */
export { rollover } from '../../app/rollover';
export { readPastMaster } from '../../app/pastMaster';
export { buildMasterTemplateFile } from '../../app/buildWorkbooks';
export { mappingSummary } from '../../domain/rollover/itemMapping';
