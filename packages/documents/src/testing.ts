import { execFileSync } from 'node:child_process';

import mammoth from 'mammoth';

/**
 * Reads a PDF's text back in a child Node process: PDF.js loads its worker as an ES module, which
 * jest's module sandbox cannot import.
 */
const READ_PDF = `
const { PDFParse } = require('pdf-parse');
const chunks = [];
process.stdin.on('data', (chunk) => chunks.push(chunk));
process.stdin.on('end', async () => {
  const parser = new PDFParse({ data: new Uint8Array(Buffer.concat(chunks)) });
  const { pages } = await parser.getText();
  await parser.destroy();
  process.stdout.write(JSON.stringify(pages.map((page) => page.text)));
});
`;

/** The text of each page of a PDF, as a PDF reader extracts it. */
export function pdfPages(pdf: Buffer): string[] {
  const out = execFileSync(process.execPath, ['-e', READ_PDF], {
    input: pdf,
    cwd: __dirname,
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(out.toString('utf8')) as string[];
}

/**
 * A DOCX as HTML, as mammoth reads it: Word's heading styles become `<h1>`…, tables `<table>`,
 * bold runs `<strong>` — what a reader of the file sees, with its structure.
 */
export async function docxHtml(docx: Buffer): Promise<string> {
  const { value } = await mammoth.convertToHtml({ buffer: docx });
  return value;
}
