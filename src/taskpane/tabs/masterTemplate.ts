/** What inserting a 体系 or a 様式 needs, loaded on first use (see usePlanTab). */
export { DEFAULT_PLAN_TITLE } from '../../domain/template/buildDepartmentWorkbook';
export { buildMasterTemplate } from '../../domain/template/buildMasterTemplate';
export { PLAN_SHEET_NAME } from '../../domain/template/sheetName';
export { STANDARD_FORM } from '../../domain/entry/formDefinition';
export { buildFormSheet } from '../../domain/form/buildFormSheet';
export { FORM_SHEET_NAME } from '../../domain/form/formColumns';
export { normalizeKey } from '../../domain/text/normalizeKey';
