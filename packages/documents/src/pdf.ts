import { readFileSync } from 'node:fs';

import PDFDocument from 'pdfkit';

import { type Align, type Block, linesOf, type Run, runLines, type TextDocument } from './document';

type Pdf = PDFKit.PDFDocument;

const MM = 72 / 25.4;
/** Margins of a Russian official document (ГОСТ Р 7.0.97-2016): 30 mm left, 15 right, 20 top and bottom. */
const MARGINS = { left: 30 * MM, right: 15 * MM, top: 20 * MM, bottom: 20 * MM };
const BODY = 11;
const HEADING_SIZE = { 1: 15, 2: 13, 3: 11.5 } as const;
const LIST_INDENT = 8 * MM;
const CELL_PADDING = 1.5 * MM;
const LINE_GAP = 2;

const STYLE_FONT: Record<Run['style'], string> = {
  plain: 'serif',
  strong: 'serif-bold',
  emphasis: 'serif-italic',
};

/**
 * The fonts are embedded (subset to the glyphs used), so every reader sees the Cyrillic text the
 * same: DejaVu Serif, shipped inside an npm package; nothing is downloaded or taken from the system.
 */
const FONT_FILES = {
  serif: 'DejaVuSerif.ttf',
  'serif-bold': 'DejaVuSerif-Bold.ttf',
  'serif-italic': 'DejaVuSerif-Italic.ttf',
} as const;

let fonts: Map<string, Buffer> | undefined;

/** Read once: a font file is about 400 KB. */
function fontData(): Map<string, Buffer> {
  fonts ??= new Map(
    Object.entries(FONT_FILES).map(([name, file]) => [
      name,
      readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${file}`)),
    ]),
  );
  return fonts;
}

function textWidth(pdf: Pdf): number {
  return pdf.page.width - MARGINS.left - MARGINS.right;
}

/** Starts a new page unless `height` points still fit on this one. */
function ensureRoom(pdf: Pdf, height: number): void {
  if (pdf.y + height > pdf.page.maxY()) pdf.addPage();
}

/**
 * Sets output lines of runs at `x`, `width` wide, from the current position: the runs of a line
 * continue each other (wrapping as one text), and each line starts on a new line.
 */
function setLines(pdf: Pdf, lines: Run[][], x: number, width: number, align: Align = 'left'): void {
  for (const runs of lines) {
    runs.forEach((run, index) => {
      const options = { width, align, lineGap: LINE_GAP, continued: index < runs.length - 1 };
      pdf.font(STYLE_FONT[run.style]);
      if (index === 0) pdf.text(run.text, x, pdf.y, options);
      else pdf.text(run.text, options);
    });
  }
}

/** The height output lines take at `width`, measured in the widest (bold) face to be safe. */
function heightOf(pdf: Pdf, lines: Run[][], width: number): number {
  const bold = lines.some((runs) => runs.some((run) => run.style === 'strong'));
  pdf.font(bold ? 'serif-bold' : 'serif');
  const text = lines.map((runs) => runs.map((run) => run.text).join('')).join('\n');
  return text.length === 0 ? 0 : pdf.heightOfString(text, { width, lineGap: LINE_GAP });
}

function heading(pdf: Pdf, level: 1 | 2 | 3, text: string): void {
  const width = textWidth(pdf);
  pdf.fontSize(HEADING_SIZE[level]).font('serif-bold');
  const options = { width, lineGap: LINE_GAP, align: level === 1 ? 'center' : 'left' } as const;
  // A heading keeps with at least two lines of what follows it.
  ensureRoom(pdf, pdf.heightOfString(text, options) + 3 * BODY * 1.4);
  pdf.moveDown(level === 1 ? 0 : 0.6);
  pdf.text(text, MARGINS.left, pdf.y, options);
  pdf.fontSize(BODY).moveDown(0.4);
}

function list(pdf: Pdf, block: Extract<Block, { kind: 'list' }>): void {
  const width = textWidth(pdf) - LIST_INDENT;
  block.items.forEach((item, index) => {
    const lines = runLines(item);
    // The marker and the first line of its item on the same page.
    ensureRoom(pdf, Math.min(heightOf(pdf, lines, width), BODY * 3));
    const top = pdf.y;
    pdf.font('serif').text(block.ordered ? `${block.start + index}.` : '—', MARGINS.left, top, {
      width: LIST_INDENT,
      lineBreak: false,
    });
    pdf.y = top;
    setLines(pdf, lines, MARGINS.left + LIST_INDENT, width);
    pdf.moveDown(0.2);
  });
}

function table(pdf: Pdf, block: Extract<Block, { kind: 'table' }>): void {
  const total = block.widths.reduce((sum, width) => sum + width, 0);
  const widths = block.widths.map((width) => (textWidth(pdf) * width) / total);
  const header = block.header.map((text): Run[][] => [
    [{ text: linesOf(text).join(' '), style: 'strong' }],
  ]);
  pdf.fontSize(BODY - 1);
  const heightOfRow = (cells: Run[][][]) =>
    Math.max(
      BODY,
      ...cells.map((lines, index) => heightOf(pdf, lines, widths[index]! - 2 * CELL_PADDING)),
    ) +
    2 * CELL_PADDING;
  const setRow = (cells: Run[][][], height: number, shaded: boolean) => {
    const top = pdf.y;
    let x = MARGINS.left;
    cells.forEach((lines, index) => {
      const width = widths[index]!;
      if (shaded) pdf.rect(x, top, width, height).fill('#eeeeee').fillColor('black');
      pdf.rect(x, top, width, height).lineWidth(0.5).stroke();
      pdf.y = top + CELL_PADDING;
      setLines(pdf, lines, x + CELL_PADDING, width - 2 * CELL_PADDING);
      x += width;
    });
    pdf.x = MARGINS.left;
    pdf.y = top + height;
  };
  const headerHeight = heightOfRow(header);
  block.rows.forEach((row, index) => {
    const cells = row.map((cell) => runLines(cell));
    const height = heightOfRow(cells);
    // The header is repeated at the top of every page the table runs over.
    if (index === 0 || pdf.y + height > pdf.page.maxY()) {
      ensureRoom(pdf, headerHeight + height);
      setRow(header, headerHeight, true);
    }
    setRow(cells, height, false);
  });
  if (block.rows.length === 0) setRow(header, headerHeight, true);
  pdf.fontSize(BODY).moveDown(0.6);
}

function renderBlock(pdf: Pdf, block: Block): void {
  switch (block.kind) {
    case 'heading':
      heading(pdf, block.level, linesOf(block.text).join(' '));
      return;
    case 'paragraph':
      setLines(pdf, runLines(block.lines), MARGINS.left, textWidth(pdf), block.align);
      pdf.moveDown(0.5);
      return;
    case 'list':
      list(pdf, block);
      pdf.moveDown(0.4);
      return;
    case 'table':
      table(pdf, block);
      return;
  }
}

/** Page numbers at the foot of every page, once the number of pages is known. */
function numberPages(pdf: Pdf): void {
  const { start, count } = pdf.bufferedPageRange();
  for (let page = start; page < start + count; page += 1) {
    pdf.switchToPage(page);
    // Inside the bottom margin: lift the margin so pdfkit does not start a new page for it.
    const bottom = pdf.page.margins.bottom;
    pdf.page.margins.bottom = 0;
    pdf
      .font('serif')
      .fontSize(9)
      .text(`${page + 1}`, MARGINS.left, pdf.page.height - 12 * MM, {
        width: textWidth(pdf),
        align: 'center',
        lineBreak: false,
      });
    pdf.page.margins.bottom = bottom;
  }
}

/** An A4 PDF in Russian with the fonts embedded, and page numbers at the foot. */
export function renderPdf(document: TextDocument): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: 'A4',
    margins: MARGINS,
    bufferPages: true,
    lang: 'ru-RU',
    info: { Title: linesOf(document.title).join(' '), Creator: 'Kollegia' },
    displayTitle: true,
  });
  for (const [name, data] of fontData()) pdf.registerFont(name, data);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  pdf.font('serif').fontSize(BODY);
  for (const block of document.blocks) renderBlock(pdf, block);
  numberPages(pdf);
  pdf.end();
  return done;
}
