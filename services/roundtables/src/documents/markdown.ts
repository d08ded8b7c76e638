import {
  type Block,
  type Inline,
  type Line,
  linesOf,
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
  if (typeof inline === 'string') {
    // Keep the spaces around a run: they separate it from its neighbours on the line.
    const lead = /^\s/.test(inline) ? ' ' : '';
    const trail = /\s$/.test(inline) ? ' ' : '';
    const lines = linesOf(inline).map(escapeMarkdown);
    if (lines.length === 0) return lead || trail ? [' '] : [];
    lines[0] = `${lead}${lines[0]}`;
    lines[lines.length - 1] = `${lines.at(-1)}${trail}`;
    return lines;
  }
  const [text, mark] = 'strong' in inline ? [inline.strong, '**'] : [inline.emphasis, '*'];
  return linesOf(text).map((line) => `${mark}${escapeMarkdown(line)}${mark}`);
}

/** Lines joined by hard line breaks (a backslash at the end of a line), indented for lists. */
function renderLines(lines: Line[], indent = ''): string {
  const rendered = lines.flatMap((line) => renderLine(line, renderInline)).map((l) => l.trim());
  return rendered.filter((l) => l.length > 0).join(`\\\n${indent}`);
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
  }
}

/** CommonMark: blocks separated by blank lines, ending with a newline. */
export function renderMarkdown(document: TextDocument): string {
  return `${document.blocks
    .map(renderBlock)
    .filter((text) => text.length > 0)
    .join('\n\n')}\n`;
}
