// fengong's own requests (server/src/protocol.ts): the task table, its preview and export, the
// text of a Word document.
import { ErrorCodes, ResponseError, type Connection } from 'vscode-languageserver/node';
import {
  EXPORT_TASK_TABLE_REQUEST, TABLE_FORMATS, TABLE_VIEWS, TASK_TABLE_PREVIEW_REQUEST, TASK_TABLE_REQUEST, WORD_TEXT_REQUEST,
  type ExportFormat, type TableViewName, type TaskTablePreviewParams,
} from '../../protocol.js';
import { taskTable } from '../features.js';
import { taskTablePreview } from '../office.js';
import { wordText } from '../word-text.js';
import type { FengongServer } from '../server.js';
import { text } from '../../i18n/catalogue.js';

export function registerCustomHandlers(c: Connection, s: FengongServer): void {
  c.onRequest(TASK_TABLE_REQUEST, (p: { uri?: string }, tok) => s.custom(TASK_TABLE_REQUEST, tok, p?.uri, (a) => taskTable(a)));
  c.onRequest(TASK_TABLE_PREVIEW_REQUEST, (p: TaskTablePreviewParams, tok) => s.custom(TASK_TABLE_PREVIEW_REQUEST, tok, p?.uri, (a) => taskTablePreview(a, p)));
  c.onRequest(WORD_TEXT_REQUEST, (p: { uri?: string }) => wordText(String(p?.uri), s.clientLocale));
  c.onRequest(EXPORT_TASK_TABLE_REQUEST, (p: { uri?: string; format?: string; by?: string; withBody?: boolean }, tok) =>
    s.custom(EXPORT_TASK_TABLE_REQUEST, tok, p?.uri, async (a) => {
      const format = p.format ?? 'md';
      const by = p.by ?? 'task';
      const list = (xs: readonly string[]) => xs.join(a.config.locale === 'en' ? ', ' : '、');
      if (!(TABLE_FORMATS as readonly string[]).includes(format)) return new ResponseError(ErrorCodes.InvalidParams, text(a.config.locale, 'lsp.exportUnknownFormat', { format, formats: list(TABLE_FORMATS) }));
      if (!(TABLE_VIEWS as readonly string[]).includes(by)) return new ResponseError(ErrorCodes.InvalidParams, text(a.config.locale, 'lsp.exportUnknownBy', { by, views: list(TABLE_VIEWS) }));
      // loaded on first export: the xlsx writer is large and most sessions never export
      const { renderTable } = await import('../../table/render.js');
      const buf = await renderTable(a.table, format as ExportFormat, by as TableViewName, { locale: a.config.locale, withBody: !!p.withBody });
      return { contentBase64: buf.toString('base64') };
    }));
}
