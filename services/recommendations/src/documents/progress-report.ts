import type { ControlItemStatus, RecommendationStatus } from '@kollegia/events';
import {
  type Block,
  bulletList,
  emphasis,
  formatCalendarDate,
  formatDay,
  heading,
  type Line,
  orderedList,
  paragraph,
  strong,
  table,
  type TextDocument,
} from '@kollegia/documents';
import type { NameBook } from '@kollegia/service-kit';
import { daysBetween, localDate } from '@kollegia/service-kit/domain';

import { controlItemOverdue, type ControlItem } from '../domain/control-item';
import { overdue } from '../domain/follow-ups';
import type { Recommendation } from '../domain/recommendation';
import { shortTitle } from '../domain/recommendation-lifecycle';

/** The Russian word for a recommendation's status («рекомендация исполнена»). */
export const STATUS: Record<RecommendationStatus, string> = {
  DRAFT: 'черновик',
  PROPOSED: 'предложена',
  ADOPTED: 'принята',
  IN_PROGRESS: 'исполняется',
  IMPLEMENTED: 'исполнена',
  PARTIALLY_IMPLEMENTED: 'исполнена частично',
  REJECTED: 'отклонена',
  WITHDRAWN: 'отозвана',
  SUPERSEDED: 'заменена',
};

/** The Russian words for an item under control's status («снято с контроля»). */
export const CONTROL_STATUS: Record<ControlItemStatus, string> = {
  UNDER_CONTROL: 'на контроле',
  DONE: 'исполнено',
  REMOVED: 'снято с контроля',
};

/** The order of statuses in the summary: from what is done to what is not. */
const SUMMARY_ORDER: RecommendationStatus[] = [
  'IMPLEMENTED',
  'PARTIALLY_IMPLEMENTED',
  'IN_PROGRESS',
  'ADOPTED',
  'PROPOSED',
  'REJECTED',
  'WITHDRAWN',
  'SUPERSEDED',
];

export interface ProgressReportInput {
  conference: { title: string };
  /** The conference's recommendations the reader may see, drafts left out, in code order. */
  recommendations: readonly Recommendation[];
  /** The conference's items under control the reader may see, in the order they were taken. */
  controlItems: readonly ControlItem[];
  names: NameBook;
  /** The moment the report is drawn up at: what is overdue is overdue then. */
  now: Date;
  timeZone: string;
}

/** «3 дня»: a Russian count of days. */
export function daysText(days: number): string {
  const tens = days % 100;
  const units = days % 10;
  const word =
    tens >= 11 && tens <= 14
      ? 'дней'
      : units === 1
        ? 'день'
        : units >= 2 && units <= 4
          ? 'дня'
          : 'дней';
  return `${days} ${word}`;
}

/** Who acts on it: its addressees and, on a line of its own, who answers for it; none when unset. */
function who(recommendation: Recommendation, names: NameBook): Line[] {
  const lines: Line[] = [];
  if (recommendation.addresseeIds.length > 0) {
    lines.push([recommendation.addresseeIds.map((id) => names.organization(id)).join('; ')]);
  }
  if (recommendation.responsible) {
    lines.push([emphasis('Отв.:'), ` ${names.party(recommendation.responsible)}`]);
  }
  return lines;
}

/**
 * «Ход исполнения рекомендаций по итогам …»: where each of a conference's recommendations stands
 * at a given moment — what (code, and the short title in the table, the whole one among the
 * overdue), who (addressees, responsible), by when, its status with the progress last reported,
 * and how many days it is overdue — with a summary by status and the overdue ones listed apart;
 * then the items taken under control at its sittings, the same way.
 */
export function progressReport(input: ProgressReportInput): TextDocument {
  const { conference, recommendations, controlItems, names, now, timeZone } = input;
  const title = `Ход исполнения рекомендаций по итогам «${conference.title}»`;
  const blocks = [heading(1, title), paragraph([`По состоянию на ${formatDay(now, timeZone)}`])];
  if (recommendations.length === 0) {
    blocks.push(paragraph(['Рекомендаций по итогам мероприятия нет.']));
  } else {
    blocks.push(...recommendationBlocks(recommendations, names, now, timeZone));
  }
  if (controlItems.length > 0) {
    blocks.push(...controlItemBlocks(controlItems, names, now, timeZone));
  }
  return { title, blocks };
}

function recommendationBlocks(
  recommendations: readonly Recommendation[],
  names: NameBook,
  now: Date,
  timeZone: string,
): Block[] {
  const today = localDate(now, timeZone);
  const blocks: Block[] = [];
  const late = recommendations.filter((recommendation) => overdue(recommendation, now, timeZone));
  const daysLate = (recommendation: Recommendation) => daysBetween(recommendation.dueDate!, today);

  const counts = SUMMARY_ORDER.map(
    (status) => [status, recommendations.filter((r) => r.status === status).length] as const,
  ).filter(([, count]) => count > 0);
  blocks.push(
    paragraph([strong('Всего рекомендаций:'), ` ${recommendations.length}`]),
    bulletList(counts.map(([status, count]) => [[`${STATUS[status]}: ${count}`]])),
    paragraph([strong('Просрочено:'), ` ${late.length}`]),
  );

  blocks.push(heading(2, 'Рекомендации'));
  blocks.push(
    table(
      ['Код', 'Рекомендация', 'Кто исполняет', 'Срок', 'Статус'],
      recommendations.map((recommendation) => {
        const status: Line[] = [
          [
            STATUS[recommendation.status],
            recommendation.lastProgressPercent === undefined
              ? ''
              : `, ${recommendation.lastProgressPercent} %`,
          ],
        ];
        const acting = who(recommendation, names);
        if (late.includes(recommendation)) {
          status.push([strong(`просрочена на ${daysText(daysLate(recommendation))}`)]);
        }
        return [
          [[recommendation.code]],
          [[shortTitle(recommendation.title)]],
          acting.length > 0 ? acting : [['—']],
          [[recommendation.dueDate ? formatCalendarDate(recommendation.dueDate) : '—']],
          status,
        ];
      }),
      [2, 6, 4, 2.5, 3],
    ),
  );

  if (late.length > 0) {
    blocks.push(heading(2, 'Просроченные рекомендации'));
    blocks.push(
      orderedList(
        late.map((recommendation) => [
          [strong(recommendation.code), ` ${recommendation.title}`],
          [
            emphasis('Срок:'),
            ` ${formatCalendarDate(recommendation.dueDate!)}, просрочена на ${daysText(daysLate(recommendation))}`,
          ],
          ...who(recommendation, names),
        ]),
      ),
    );
  }
  return blocks;
}

/**
 * «Взято на контроль»: each item — what, who controls it (the workspace's secretariat when no body
 * was named), who answers for it, by when, its status with the progress last reported and the
 * days it is overdue — after a count by status.
 */
function controlItemBlocks(
  items: readonly ControlItem[],
  names: NameBook,
  now: Date,
  timeZone: string,
): Block[] {
  const today = localDate(now, timeZone);
  const late = items.filter((item) => controlItemOverdue(item, now, timeZone));
  const counts = (['DONE', 'UNDER_CONTROL', 'REMOVED'] as const)
    .map((status) => [status, items.filter((item) => item.status === status).length] as const)
    .filter(([, count]) => count > 0);
  return [
    heading(2, 'Взято на контроль'),
    paragraph([strong('Всего на контроль взято:'), ` ${items.length}`]),
    bulletList(counts.map(([status, count]) => [[`${CONTROL_STATUS[status]}: ${count}`]])),
    paragraph([strong('Просрочено:'), ` ${late.length}`]),
    table(
      ['Что', 'Контролирует', 'Ответственный', 'Срок', 'Статус'],
      items.map((item) => {
        const percent = item.progress.at(-1)?.percent;
        const status: Line[] = [
          [CONTROL_STATUS[item.status], percent === undefined ? '' : `, ${percent} %`],
        ];
        if (late.includes(item)) {
          status.push([strong(`просрочено на ${daysText(daysBetween(item.dueDate!, today))}`)]);
        }
        return [
          [[item.text]],
          [[item.controllerId ? names.organization(item.controllerId) : 'секретариат']],
          [[item.responsible ? names.party(item.responsible) : '—']],
          [[item.dueDate ? formatCalendarDate(item.dueDate) : '—']],
          status,
        ];
      }),
      [6, 3, 3, 2.5, 3],
    ),
  ];
}
