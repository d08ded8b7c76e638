import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';

import { type Block, type Line, linesOf, type Run, runLines, type TextDocument } from './document';

// Word measures in twentieths of a point (twips) and font sizes in half-points.
const MM = 1440 / 25.4;
/** Margins of a Russian official document (ГОСТ Р 7.0.97-2016): 30 mm left, 15 right, 20 top and bottom. */
const MARGIN = { left: 30 * MM, right: 15 * MM, top: 20 * MM, bottom: 20 * MM };
const TEXT_WIDTH = Math.round(210 * MM - MARGIN.left - MARGIN.right);
const LIST_INDENT = Math.round(10 * MM);
/**
 * Word sets the text in a font of the reader's machine (a DOCX embeds none); Times New Roman is
 * the one Russian official documents are typed in and every Word has.
 */
const FONT = 'Times New Roman';

function textRun(run: Run): TextRun {
  return new TextRun({
    text: run.text,
    bold: run.style === 'strong',
    italics: run.style === 'emphasis',
  });
}

/** Lines as one paragraph's runs, joined by hard line breaks (a run of their own, unstyled). */
function lineRuns(lines: Line[]): TextRun[] {
  return runLines(lines).flatMap((runs, index) => [
    ...(index > 0 ? [new TextRun({ break: 1 })] : []),
    ...runs.map(textRun),
  ]);
}

/**
 * List items carry their numbers as text with a hanging indent rather than Word's automatic
 * numbering: an ordered list may start at any number (the resolutions of a conference are
 * numbered through its round tables), and the numbers are then what every reader and converter sees.
 */
function listItem(marker: string, item: Line[]): Paragraph {
  return new Paragraph({
    indent: { left: LIST_INDENT, hanging: LIST_INDENT },
    spacing: { after: 80 },
    children: [new TextRun({ text: `${marker}\t` }), ...lineRuns(item)],
    tabStops: [{ type: 'left', position: LIST_INDENT }],
  });
}

function cell(children: Paragraph[], width: number): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    children,
  });
}

function table(block: Extract<Block, { kind: 'table' }>): Table {
  const total = block.widths.reduce((sum, width) => sum + width, 0);
  const widths = block.widths.map((width) => Math.floor((TEXT_WIDTH * width) / total));
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({
        // Repeated at the top of every page the table runs over.
        tableHeader: true,
        children: block.header.map((text, index) =>
          cell(
            [
              new Paragraph({
                children: [new TextRun({ text: linesOf(text).join(' '), bold: true })],
              }),
            ],
            widths[index]!,
          ),
        ),
      }),
      ...block.rows.map(
        (row) =>
          new TableRow({
            cantSplit: true,
            children: row.map((lines, index) =>
              cell([new Paragraph({ children: lineRuns(lines) })], widths[index]!),
            ),
          }),
      ),
    ],
  });
}

const ALIGNMENT = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
} as const;

const HEADING = {
  1: HeadingLevel.HEADING_1,
  2: HeadingLevel.HEADING_2,
  3: HeadingLevel.HEADING_3,
} as const;

function renderBlock(block: Block): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'heading':
      return [
        new Paragraph({ heading: HEADING[block.level], text: linesOf(block.text).join(' ') }),
      ];
    case 'paragraph':
      return [
        new Paragraph({
          spacing: { after: 120 },
          ...(block.align ? { alignment: ALIGNMENT[block.align] } : {}),
          children: lineRuns(block.lines),
        }),
      ];
    case 'list':
      return block.items.map((item, index) =>
        listItem(block.ordered ? `${block.start + index}.` : '—', item),
      );
    case 'table':
      // An empty paragraph after: Word merges tables that follow each other.
      return [table(block), new Paragraph({})];
  }
}

const heading = (size: number, before: number) => ({
  run: { font: FONT, size, bold: true, color: '000000' },
  paragraph: { spacing: { before, after: 120 }, keepNext: true, keepLines: true },
});

/** An A4 Word document (Office Open XML), in Russian, with page numbers at the foot. */
export async function renderDocx(document: TextDocument): Promise<Buffer> {
  const title = linesOf(document.title).join(' ');
  const docx = new Document({
    title,
    creator: 'Kollegia',
    styles: {
      default: {
        document: {
          run: { font: FONT, size: 24, language: { value: 'ru-RU' } },
          paragraph: { spacing: { line: 276 } },
        },
        heading1: {
          ...heading(32, 0),
          paragraph: { ...heading(32, 0).paragraph, alignment: AlignmentType.CENTER },
        },
        heading2: heading(28, 240),
        heading3: heading(24, 200),
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: Math.round(210 * MM), height: Math.round(297 * MM) },
            margin: {
              left: Math.round(MARGIN.left),
              right: Math.round(MARGIN.right),
              top: Math.round(MARGIN.top),
              bottom: Math.round(MARGIN.bottom),
            },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: [PageNumber.CURRENT], size: 20 })],
              }),
            ],
          }),
        },
        children: document.blocks.flatMap(renderBlock),
      },
    ],
  });
  return Packer.toBuffer(docx);
}
