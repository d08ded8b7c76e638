import {
  type Block,
  type Inline,
  type Line,
  linesOf,
  plainLines,
  renderLine,
  type TextDocument,
} from './document';

// ASCII punctuation that means something inline in CommonMark; a backslash makes it literal.
const INLINE_SPECIALS = /[\\`*_[\]<>|~]/g;

/**
 * Escapes plain text for one line of Markdown: inline markup characters and entity references
 * everywhere, and what would start a block at the beginning of a line (heading, quote, list item,
 * thematic break, setext underline, ordered list marker).
 */
export function escapeMarkdown(line: string): string {
  return escapeInline(line)
    .replace(/^([#>+=-])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

function escapeInline(text: string): string {
  return text
    .replace(INLINE_SPECIALS, (char) => `\\${char}`)
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&');
}

/** A heading's text: inline markup, and every `#` (a trailing run would close the heading). */
function escapeHeading(text: string): string {
  return escapeInline(text).replace(/#/g, '\\#');
}

function renderInline(inline: Inline): string[] {
  if (typeof inline === 'string') return plainLines(inline, escapeMarkdown);
  const [text, mark] = 'strong' in inline ? [inline.strong, '**'] : [inline.emphasis, '*'];
  return linesOf(text).map((line) => `${mark}${escapeMarkdown(line)}${mark}`);
}

/** A line's output lines, trimmed, empty ones dropped. */
function outputLines(lines: Line[]): string[] {
  return lines
    .flatMap((line) => renderLine(line, renderInline))
    .map((parts) => parts.join('').trim())
    .filter((l) => l.length > 0);
}

/** Lines joined by hard line breaks (a backslash at the end of a line), indented for lists. */
function renderLines(lines: Line[], indent = ''): string {
  return outputLines(lines).join(`\\\n${indent}`);
}

/** One row of a GFM table; a cell's lines are joined by `<br>` (a table cell holds one line). */
function tableRow(cells: string[]): string {
  return `| ${cells.map((cell) => cell || ' ').join(' | ')} |`;
}

function renderBlock(block: Block): string {
  switch (block.kind) {
    case 'heading':
      return `${'#'.repeat(block.level)} ${escapeHeading(linesOf(block.text).join(' '))}`;
    case 'paragraph':
      return renderLines(block.lines);
    case 'list':
      return block.items
        .map((item, index) => {
          const marker = block.ordered ? `${block.start + index}. ` : '- ';
          return `${marker}${renderLines(item, ' '.repeat(marker.length))}`;
        })
        .join('\n');
    case 'table':
      return [
        tableRow(block.header.map((text) => escapeInline(linesOf(text).join(' ')))),
        tableRow(block.header.map(() => '---')),
        ...block.rows.map((row) => tableRow(row.map((cell) => outputLines(cell).join('<br>')))),
      ].join('\n');
  }
}

/** CommonMark (tables as in GitHub Flavored Markdown): blocks separated by blank lines, ending with a newline. */
export function renderMarkdown(document: TextDocument): string {
  return `${document.blocks
    .map(renderBlock)
    .filter((text) => text.length > 0)
    .join('\n\n')}\n`;
}
