/**
 * A small document model the generated documents are written in, rendered to Markdown
 * (`markdown.ts`), HTML (`html.ts`), DOCX (`docx.ts`) and PDF (`pdf.ts`). Texts are plain: each
 * renderer escapes them for its format, so nothing a participant said can turn into markup.
 */

/** A run of text: plain, or emphasised as a whole. */
export type Inline = string | { strong: string } | { emphasis: string };

/** One line: runs of text that follow each other. Line breaks inside a text start new lines. */
export type Line = Inline[];

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  /**
   * Lines joined by hard line breaks; a letter sets its addressee and signature on the right.
   * Markdown has no alignment and leaves it out.
   */
  | { kind: 'paragraph'; lines: Line[]; align?: Align }
  /** Each item is lines; an ordered list may start at another number than 1. */
  | { kind: 'list'; ordered: boolean; start: number; items: Line[][] }
  /**
   * A header row, then rows of cells, as many as the header has; a cell is lines, as a list item
   * is. `widths` are the columns' relative widths for the paged formats.
   */
  | { kind: 'table'; header: string[]; widths: number[]; rows: Line[][][] };

export type Align = 'left' | 'center' | 'right';

export interface TextDocument {
  title: string;
  blocks: Block[];
}

export const heading = (level: 1 | 2 | 3, text: string): Block => ({
  kind: 'heading',
  level,
  text,
});

export const paragraph = (...lines: Line[]): Block => ({ kind: 'paragraph', lines });

export const alignedParagraph = (align: Align, ...lines: Line[]): Block => ({
  kind: 'paragraph',
  lines,
  align,
});

export const bulletList = (items: Line[][]): Block => ({
  kind: 'list',
  ordered: false,
  start: 1,
  items,
});

export const orderedList = (items: Line[][], start = 1): Block => ({
  kind: 'list',
  ordered: true,
  start,
  items,
});

/** A table; columns get equal widths unless `widths` (relative) says otherwise. */
export function table(header: string[], rows: Line[][][], widths?: number[]): Block {
  const width = (index: number) => widths?.[index] ?? 1;
  for (const row of rows) {
    if (row.length !== header.length) {
      throw new Error(`a table row has ${row.length} cells, its header ${header.length}`);
    }
  }
  return { kind: 'table', header, widths: header.map((_, index) => width(index)), rows };
}

export const strong = (text: string): Inline => ({ strong: text });

export const emphasis = (text: string): Inline => ({ emphasis: text });

/** The lines of a text, each with its runs of white space collapsed; blank lines are dropped. */
export function linesOf(text: string): string[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line.length > 0);
}

/**
 * A plain text's lines (see `linesOf`), each escaped for the output format, keeping one space at
 * either end where the text had white space: it separates the run from its neighbours on the line.
 * A text of white space only is a single space.
 */
export function plainLines(text: string, escape: (line: string) => string): string[] {
  const lead = /^\s/.test(text) ? ' ' : '';
  const trail = /\s$/.test(text) ? ' ' : '';
  const lines = linesOf(text).map(escape);
  if (lines.length === 0) return lead || trail ? [' '] : [];
  lines[0] = `${lead}${lines[0]}`;
  lines[lines.length - 1] = `${lines.at(-1)}${trail}`;
  return lines;
}

/**
 * Renders a line's inlines into output lines of parts: an inline continues the current output
 * line, and each line break inside its text starts a new one.
 */
export function renderLine<T>(line: Line, render: (inline: Inline) => T[]): T[][] {
  const out: T[][] = [];
  let open = false;
  for (const inline of line) {
    const parts = render(inline);
    parts.forEach((part, index) => {
      if (index === 0 && open) out[out.length - 1]!.push(part);
      else out.push([part]);
    });
    if (parts.length > 0) open = true;
  }
  return out;
}

/** A run of text in one style, as the paged formats (DOCX, PDF) set it. */
export interface Run {
  text: string;
  style: 'plain' | 'strong' | 'emphasis';
}

function runsOf(inline: Inline): Run[] {
  if (typeof inline === 'string') {
    return plainLines(inline, (line) => line).map((text) => ({ text, style: 'plain' }));
  }
  const [text, style] =
    'strong' in inline
      ? [inline.strong, 'strong' as const]
      : [inline.emphasis, 'emphasis' as const];
  return linesOf(text).map((line) => ({ text: line, style }));
}

/**
 * Lines as the paged formats set them: each output line its runs, with the white space at the
 * line's ends trimmed and empty lines dropped (as the Markdown and HTML renderers do).
 */
export function runLines(lines: Line[]): Run[][] {
  return lines
    .flatMap((line) => renderLine(line, runsOf))
    .map((runs) => {
      const trimmed = runs.map((run) => ({ ...run }));
      trimmed[0]!.text = trimmed[0]!.text.trimStart();
      trimmed[trimmed.length - 1]!.text = trimmed.at(-1)!.text.trimEnd();
      return trimmed.filter((run) => run.text.length > 0);
    })
    .filter((runs) => runs.length > 0);
}
