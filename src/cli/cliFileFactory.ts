import { ownWriterFactory } from '../workbook/exceljs/fileFactory';
import { nodeZipCodec } from './nodeZipCodec';

/**
 * The CLI's factory: every workbook it builds (department workbooks, the master template, the demo's filled
 * files, a rollover's workbooks) is written by the own spec writer, as the pane's, with Node's zlib
 * compressing the parts.
 */
export const cliFileFactory = ownWriterFactory(nodeZipCodec);
