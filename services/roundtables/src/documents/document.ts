/**
 * A small document model the generated documents are written in, rendered to Markdown and to HTML
 * by `markdown.ts` and `html.ts`. Texts are plain: each renderer escapes them for its format, so
 * nothing a participant said can turn into markup.
 */

/** A run of text: plain, or emphasised as a whole. */
export type Inline = string | { strong: string } | { emphasis: string };

/** One line: runs of text that follow each other. Line breaks inside a text start new lines. */
export type Line = Inline[];

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  /** Lines joined by hard line breaks. */
  | { kind: 'paragraph'; lines: Line[] }
  /** Each item is lines; an ordered list may start at another number than 1. */
  | { kind: 'list'; ordered: boolean; start: number; items: Line[][] };

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
 * Renders a line's inlines into output lines: an inline continues the current output line, and
 * each line break inside its text starts a new one.
 */
export function renderLine(line: Line, render: (inline: Inline) => string[]): string[] {
  const out: string[] = [];
  let open = false;
  for (const inline of line) {
    const parts = render(inline);
    parts.forEach((part, index) => {
      if (index === 0 && open) out[out.length - 1] += part;
      else out.push(part);
    });
    if (parts.length > 0) open = true;
  }
  return out;
}
