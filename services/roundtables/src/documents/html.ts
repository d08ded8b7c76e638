import {
  type Block,
  type Inline,
  type Line,
  linesOf,
  renderLine,
  type TextDocument,
} from './document';

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
}

function renderInline(inline: Inline): string[] {
  if (typeof inline === 'string') {
    const lead = /^\s/.test(inline) ? ' ' : '';
    const trail = /\s$/.test(inline) ? ' ' : '';
    const lines = linesOf(inline).map(escapeHtml);
    if (lines.length === 0) return lead || trail ? [' '] : [];
    lines[0] = `${lead}${lines[0]}`;
    lines[lines.length - 1] = `${lines.at(-1)}${trail}`;
    return lines;
  }
  const [text, tag] = 'strong' in inline ? [inline.strong, 'strong'] : [inline.emphasis, 'em'];
  return linesOf(text).map((line) => `<${tag}>${escapeHtml(line)}</${tag}>`);
}

function renderLines(lines: Line[]): string {
  const rendered = lines.flatMap((line) => renderLine(line, renderInline)).map((l) => l.trim());
  return rendered.filter((l) => l.length > 0).join('<br>\n');
}

function renderBlock(block: Block): string {
  switch (block.kind) {
    case 'heading':
      return `<h${block.level}>${escapeHtml(linesOf(block.text).join(' '))}</h${block.level}>`;
    case 'paragraph':
      return `<p>${renderLines(block.lines)}</p>`;
    case 'list': {
      const open = block.ordered
        ? `<ol${block.start === 1 ? '' : ` start="${block.start}"`}>`
        : '<ul>';
      const items = block.items.map((item) => `<li>${renderLines(item)}</li>`).join('\n');
      return `${open}\n${items}\n${block.ordered ? '</ol>' : '</ul>'}`;
    }
  }
}

/** A complete, self-contained HTML5 page in Russian. */
export function renderHtml(document: TextDocument): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="ru">',
    '<head>',
    '<meta charset="utf-8">',
    `<title>${escapeHtml(linesOf(document.title).join(' '))}</title>`,
    '</head>',
    '<body>',
    ...document.blocks.map(renderBlock),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
