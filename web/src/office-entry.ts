// The packed part of the page (see office-libs.ts): the libraries the docx and xlsx writers import
// (server/src/table/word.ts, xlsx.ts), which the page's bundle resolves to this global.
import * as docx from 'docx';
import exceljs from 'exceljs';

globalThis.__fengongOffice = { docx, exceljs };
