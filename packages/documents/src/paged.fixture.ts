import {
  alignedParagraph,
  bulletList,
  emphasis,
  heading,
  type Inline,
  type Line,
  orderedList,
  paragraph,
  strong,
  table,
  type TextDocument,
} from './document';

/**
 * A document with every kind of block, for the tests of the paged formats: Russian text, text that
 * looks like markup, a list numbered from 3 and a table long enough to run over a page.
 */
export function aReport(rows = 60): TextDocument {
  const title = 'Ход исполнения рекомендаций «Промышленная Россия 4.0»';
  return {
    title,
    blocks: [
      heading(1, title),
      paragraph(
        [strong('Мероприятие:'), ' Промышленная Россия 4.0, Москва'],
        [strong('Дата:'), ' 10 ноября 2016 г.'],
      ),
      heading(2, 'Решения'),
      orderedList(
        [
          [
            [strong('Рекомендация.'), ' Обратиться в Минпромторг России (постановление № 779).'],
            [emphasis('Срок:'), ' 30 июня 2017 г.'],
          ],
          [['<b>не жирный</b> & «кавычки» **не markdown**']],
        ],
        3,
      ),
      bulletList([[['Ёлки, щётки и объём: ЁЩЪЫ ёщъы']]]),
      heading(3, 'Контрольные пункты'),
      table(
        ['Код', 'Что', 'Кто', 'Статус'],
        Array.from({ length: rows }, (_, index): Line[][] => [
          [[`R-2016-${String(index + 1).padStart(2, '0')}`]],
          [[`Пункт ${index + 1}: провести совещание с органами власти региона`]],
          [['АКИТ РФ'], [emphasis('Отв.:'), ' Иванова М. С.']],
          [index % 4 === 0 ? [strong('просрочен')] : ['исполняется']],
        ]),
        [2, 6, 2, 2],
      ),
      paragraph([emphasis('Всего пунктов: '), `${rows}.`]),
      alignedParagraph('right', ['Исполнительный директор'], [strong('Иванова М. С.')]),
    ],
  };
}

function inlineText(inline: Inline): string {
  if (typeof inline === 'string') return inline;
  return 'strong' in inline ? inline.strong : inline.emphasis;
}

/**
 * Every text a document's reader must find, in order: headings, the lines of paragraphs and list
 * items, the table's header and cells.
 */
export function textsOf(document: TextDocument): string[] {
  const line = (runs: Line) => runs.map(inlineText).join('');
  return document.blocks.flatMap((block) => {
    switch (block.kind) {
      case 'heading':
        return [block.text];
      case 'paragraph':
        return block.lines.map(line);
      case 'list':
        return block.items.flatMap((item) => item.map(line));
      case 'table':
        return [...block.header, ...block.rows.flat(2).map(line)];
    }
  });
}

/** Text without its white space: the paged formats break lines where they need to. */
export const squeezed = (text: string) => text.replace(/\s+/g, '');
