/** What inserting a 体系 needs, loaded on first use (see usePlanTab). */
export { DEFAULT_PLAN_TITLE } from '../../domain/template/buildDepartmentWorkbook';
export { buildMasterTemplate } from '../../domain/template/buildMasterTemplate';
export { PLAN_SHEET_NAME } from '../../domain/template/sheetName';
