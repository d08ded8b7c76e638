import {
  type Block,
  type Inline,
  type Line,
  linesOf,
  plainLines,
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
  if (typeof inline === 'string') return plainLines(inline, escapeHtml);
  const [text, tag] = 'strong' in inline ? [inline.strong, 'strong'] : [inline.emphasis, 'em'];
  return linesOf(text).map((line) => `<${tag}>${escapeHtml(line)}</${tag}>`);
}

function renderLines(lines: Line[]): string {
  return lines
    .flatMap((line) => renderLine(line, renderInline))
    .map((parts) => parts.join('').trim())
    .filter((l) => l.length > 0)
    .join('<br>\n');
}

function renderBlock(block: Block): string {
  switch (block.kind) {
    case 'heading':
      return `<h${block.level}>${escapeHtml(linesOf(block.text).join(' '))}</h${block.level}>`;
    case 'paragraph':
      return `<p${block.align ? ` style="text-align: ${block.align}"` : ''}>${renderLines(block.lines)}</p>`;
    case 'list': {
      const open = block.ordered
        ? `<ol${block.start === 1 ? '' : ` start="${block.start}"`}>`
        : '<ul>';
      const items = block.items.map((item) => `<li>${renderLines(item)}</li>`).join('\n');
      return `${open}\n${items}\n${block.ordered ? '</ol>' : '</ul>'}`;
    }
    case 'table': {
      const head = block.header
        .map((text) => `<th>${escapeHtml(linesOf(text).join(' '))}</th>`)
        .join('');
      const rows = block.rows.map(
        (row) => `<tr>${row.map((cell) => `<td>${renderLines(cell)}</td>`).join('')}</tr>`,
      );
      return [
        '<table>',
        `<thead><tr>${head}</tr></thead>`,
        '<tbody>',
        ...rows,
        '</tbody>',
        '</table>',
      ].join('\n');
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
