export * from './dates';
export * from './document';
export { renderDocx } from './docx';
export { escapeHtml, renderHtml } from './html';
export { escapeMarkdown, renderMarkdown } from './markdown';
export { renderPdf } from './pdf';
export * from './file';
