import {
  type PartyRef,
  type RecommendationActionType,
  type RecommendationPriority,
  type RecommendationRevisableField,
  recommendationRevisableFieldSchema,
  type RecommendationSource,
  type ResolutionSnapshot,
} from '@kollegia/events';
import {
  type CreationContext,
  type DecisionContext,
  badInput,
  optionalCalendarDate,
  optionalText,
  requiredText,
  sameValue,
  withArticle,
  withoutUndefined,
} from '@kollegia/service-kit/domain';

import {
  decided,
  positionsFor,
  type Recommendation,
  type RecommendationChange,
  type RecommendationDecision,
  requireStatus,
  unchanged,
} from './recommendation';
import { settleAnswers } from './request-facts';
import { idList, LIMITS, partyRef } from './validation';

/** What a recommendation says, whom it concerns and when it is due. */
export interface RecommendationCard {
  title: string;
  recommendedText: string;
  actionType: RecommendationActionType;
  addresseeIds?: readonly string[] | null;
  responsible?: PartyRef | null;
  legalBasis?: string | null;
  priority?: RecommendationPriority | null;
  /** `YYYY-MM-DD`. */
  dueDate?: string | null;
  /** `YYYY-MM-DD`. */
  reviewDate?: string | null;
  published?: boolean | null;
}

export interface DraftRecommendation extends RecommendationCard {
  /** Unique per tenant, e.g. R-2016-04; the caller assigns it. */
  code: string;
  source?: RecommendationSource | null;
}

/** A concluded round table's resolution, as `roundtable.concluded` carries it. */
export type SourceResolution = Pick<
  ResolutionSnapshot,
  'id' | 'kind' | 'text' | 'addresseeIds' | 'responsible' | 'dueDate'
>;

export interface CreateFromResolution {
  /** Unique per tenant, e.g. R-2016-04; the caller assigns it. */
  code: string;
  conferenceId?: string | null;
  roundtableId: string;
  /** The day the round table sat (`meetingDateOf` its `concludedAt`): the year of the code. */
  meetingDate: string;
  /** The round table's visibility, which the recommendation inherits. */
  published: boolean;
  resolution: SourceResolution;
  /** Defaults to the first sentence of the resolution. */
  title?: string | null;
  /** Defaults by the resolution's kind, see `defaultActionType`. */
  actionType?: RecommendationActionType | null;
}

// Actions that are carried out by asking the addressees: they cannot be adopted without one.
const ADDRESSED_ACTIONS: readonly RecommendationActionType[] = [
  'APPEAL',
  'PROPOSAL',
  'QUESTION',
  'LEGISLATIVE_INITIATIVE',
];

// The contract's list, so the domain cannot report a field the event does not know.
const REVISABLE: readonly RecommendationRevisableField[] =
  recommendationRevisableFieldSchema.options;

// What fits a table cell or a list line; the title itself is kept whole (`shortTitle`).
const SHORT_TITLE = 120;

function validCard(card: RecommendationCard) {
  return {
    title: requiredText('title', card.title, LIMITS.title),
    recommendedText: requiredText('recommendedText', card.recommendedText, LIMITS.text),
    actionType: card.actionType,
    addresseeIds: idList('addresseeIds', card.addresseeIds, LIMITS.addressees),
    responsible: card.responsible ? partyRef('responsible', card.responsible) : undefined,
    legalBasis: optionalText('legalBasis', card.legalBasis, LIMITS.legalBasis),
    priority: card.priority ?? 'NORMAL',
    dueDate: optionalCalendarDate('dueDate', card.dueDate),
    reviewDate: optionalCalendarDate('reviewDate', card.reviewDate),
    published: card.published ?? false,
  };
}

function validSource(source: RecommendationSource | null | undefined): RecommendationSource {
  return withoutUndefined({
    conferenceId: optionalText('source.conferenceId', source?.conferenceId, LIMITS.id),
    roundtableId: optionalText('source.roundtableId', source?.roundtableId, LIMITS.id),
    resolutionId: optionalText('source.resolutionId', source?.resolutionId, LIMITS.id),
    meetingDate: optionalCalendarDate('meetingDate', source?.meetingDate),
  });
}

function created(
  command: DraftRecommendation,
  status: 'DRAFT' | 'PROPOSED',
  context: CreationContext,
): Recommendation {
  const card = validCard(command);
  return withoutUndefined({
    id: context.ids(),
    tenantId: context.tenantId,
    version: 1,
    code: requiredText('code', command.code, LIMITS.code),
    ...card,
    source: validSource(command.source),
    status,
    proposedAt: status === 'PROPOSED' ? context.now : undefined,
    addresseePositions: positionsFor(card.addresseeIds, []),
    endorsements: [],
    progressReportCount: 0,
    requestFacts: [],
    announced: {},
    createdAt: context.now,
    updatedAt: context.now,
  });
}

/** Drafts a recommendation by hand (DRAFT). */
export function draftRecommendation(
  command: DraftRecommendation,
  context: CreationContext,
): RecommendationDecision {
  return decided(created(command, 'DRAFT', context), [{ kind: 'drafted' }], context);
}

/**
 * Whether a resolution of this kind becomes a recommendation: decisions stay with the round
 * table, and a CONTROL_ITEM becomes an item under control (DESIGN.md section 4).
 */
export function becomesRecommendation(kind: SourceResolution['kind']): boolean {
  return kind === 'RECOMMENDATION' || kind === 'QUESTION_TO_REGULATOR';
}

/**
 * What a resolution asks for unless the caller says otherwise: a question to a regulator is a
 * QUESTION (requests of kind QUESTION once adopted, DESIGN.md section 4), a recommendation to
 * addressees a proposal, anything else the association's own work.
 */
export function defaultActionType(resolution: SourceResolution): RecommendationActionType {
  if (resolution.kind === 'QUESTION_TO_REGULATOR') return 'QUESTION';
  if (resolution.kind === 'RECOMMENDATION' && resolution.addresseeIds.length > 0) {
    return 'PROPOSAL';
  }
  return 'CONTINUE_WORK';
}

/**
 * The first sentence of a text, whole. Only a first sentence longer than a title may be (a
 * resolution written as one long sentence) is cut, at a word with "…": the whole text stays in
 * `recommendedText`.
 */
export function titleFromText(text: string): string {
  const trimmed = text.trim();
  const sentence = /^(.+?[.!?])(\s|$)/s.exec(trimmed)?.[1] ?? trimmed;
  return cutAtWord(sentence.replace(/\s+/g, ' ').replace(/[.!]$/, ''), LIMITS.title);
}

/**
 * A recommendation's title shortened for a table cell or a list line: the title itself when it
 * fits, else cut at a word with "…". Derived on read, never stored.
 */
export function shortTitle(title: string): string {
  return cutAtWord(title, SHORT_TITLE);
}

/** `text` when it has at most `max` characters, else its words that fit followed by "…". */
function cutAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const lastSpace = cut.search(/\s\S*$/);
  // A single word longer than `max` is cut inside it.
  const endsAtWord = /\s/.test(text.charAt(cut.length)) || lastSpace <= 0;
  const atWord = endsAtWord ? cut : cut.slice(0, lastSpace);
  return `${atWord.replace(/[\s,;:–-]+$/, '')}…`;
}

/**
 * Whether a recommendation drafted from a resolution still has the title the old rule gave it:
 * the first sentence of its text cut at about 120 characters (what `shortTitle` derives now),
 * where the whole sentence (`titleFromText`) is longer. One retitled by hand, or whose text was
 * revised since, has another title and stays.
 */
export function hasCutTitle(
  state: Pick<Recommendation, 'title' | 'recommendedText' | 'source'>,
): boolean {
  if (!state.source.resolutionId) return false;
  const whole = titleFromText(state.recommendedText);
  return state.title !== whole && state.title === shortTitle(whole);
}

/**
 * Gives a recommendation whose title was cut by the old rule (`hasCutTitle`) the whole first
 * sentence, in any status: not a user's revision (what was recommended did not change), but
 * announced as a revised title is, `revised` with `changedFields: ['title']`, so watchers showing
 * it update it. Unchanged for any other.
 */
export function restoreWholeTitle(
  state: Recommendation,
  context: DecisionContext,
): RecommendationDecision {
  if (!hasCutTitle(state)) return unchanged(state);
  return decided(
    { ...state, title: titleFromText(state.recommendedText), updatedAt: context.now },
    [{ kind: 'revised', changedFields: ['title'] }],
    context,
  );
}

/**
 * Creates a PROPOSED recommendation from a resolution of a concluded round table (flow 1 of
 * DESIGN.md section 4). The caller assigns the code and makes the step idempotent by looking the
 * resolution up first.
 */
export function createFromResolution(
  command: CreateFromResolution,
  context: CreationContext,
): RecommendationDecision {
  const { resolution } = command;
  if (!becomesRecommendation(resolution.kind)) {
    throw badInput(
      'resolution.kind',
      resolution.kind === 'DECISION'
        ? 'a DECISION stays with the round table'
        : 'a CONTROL_ITEM becomes an item under control',
    );
  }
  const state = created(
    {
      code: command.code,
      title: command.title?.trim() ? command.title : titleFromText(resolution.text),
      recommendedText: resolution.text,
      actionType: command.actionType ?? defaultActionType(resolution),
      addresseeIds: resolution.addresseeIds,
      responsible: resolution.responsible,
      dueDate: resolution.dueDate,
      published: command.published,
      source: {
        conferenceId: command.conferenceId ?? undefined,
        roundtableId: requiredText('roundtableId', command.roundtableId, LIMITS.id),
        resolutionId: requiredText('resolution.id', resolution.id, LIMITS.id),
        meetingDate: command.meetingDate,
      },
    },
    'PROPOSED',
    context,
  );
  return decided(state, [{ kind: 'proposed' }], context);
}

/**
 * Revises a draft or a proposal. Absent fields stay, `null` clears an optional one. Once adopted,
 * what was recommended is frozen: the decision is recorded apart (see `adoptRecommendation`).
 */
export function reviseRecommendation(
  state: Recommendation,
  patch: Partial<RecommendationCard>,
  context: DecisionContext,
): RecommendationDecision {
  requireStatus(state, ['DRAFT', 'PROPOSED'], 'be revised');
  const keep = <K extends keyof RecommendationCard>(key: K) =>
    patch[key] === undefined ? state[key] : patch[key];
  const card = validCard({
    title: patch.title ?? state.title,
    recommendedText: patch.recommendedText ?? state.recommendedText,
    actionType: patch.actionType ?? state.actionType,
    addresseeIds: patch.addresseeIds ?? state.addresseeIds,
    responsible: keep('responsible'),
    legalBasis: keep('legalBasis'),
    priority: patch.priority ?? state.priority,
    dueDate: keep('dueDate'),
    reviewDate: keep('reviewDate'),
    published: patch.published ?? state.published,
  });
  const changedFields = REVISABLE.filter((field) => !sameValue(state[field], card[field]));
  if (changedFields.length === 0) return unchanged(state);
  const revised = withoutUndefined({
    ...state,
    ...card,
    addresseePositions: positionsFor(card.addresseeIds, state.addresseePositions),
    updatedAt: context.now,
  });
  return decided(revised, [{ kind: 'revised', changedFields }], context);
}

/** Puts a draft forward for adoption. */
export function proposeRecommendation(
  state: Recommendation,
  context: DecisionContext,
): RecommendationDecision {
  requireStatus(state, ['DRAFT'], 'be proposed');
  return decided(
    { ...state, status: 'PROPOSED', proposedAt: context.now, updatedAt: context.now },
    [{ kind: 'proposed', previousStatus: 'DRAFT' }],
    context,
  );
}

export interface AdoptRecommendation {
  /** Who decided: the association, its council or its chair. */
  decidedBy: PartyRef;
  /** What was decided, when it differs from what was recommended. */
  decidedText?: string | null;
  /** The workspace's day the adoption is recorded on (see `Recommendation.dueDateRecordedOn`). */
  recordedOn?: string;
}

/**
 * Adopts a proposal. The decided text (the recommended one unless another is given) is kept
 * apart from the recommended text, with who decided and when. Answers that arrived before the
 * adoption take effect now (see `settleAnswers`).
 */
export function adoptRecommendation(
  state: Recommendation,
  command: AdoptRecommendation,
  context: DecisionContext,
): RecommendationDecision {
  requireStatus(state, ['PROPOSED'], 'be adopted');
  if (ADDRESSED_ACTIONS.includes(state.actionType) && state.addresseeIds.length === 0) {
    throw badInput('addresseeIds', `${withArticle(state.actionType)} needs at least one addressee`);
  }
  const adopted: Recommendation = {
    ...state,
    status: 'ADOPTED',
    decidedText:
      optionalText('decidedText', command.decidedText, LIMITS.text) ?? state.recommendedText,
    decidedBy: partyRef('decidedBy', command.decidedBy),
    decidedAt: context.now,
    ...(command.recordedOn ? { dueDateRecordedOn: command.recordedOn } : {}),
    updatedAt: context.now,
  };
  const settled = settleAnswers(adopted, context.now);
  return decided(settled.state, [{ kind: 'adopted' }, ...settled.changes], context);
}

/** Rejects a proposal: the association decided against it. */
export function rejectRecommendation(
  state: Recommendation,
  command: { reason: string; decidedBy: PartyRef },
  context: DecisionContext,
): RecommendationDecision {
  requireStatus(state, ['PROPOSED'], 'be rejected');
  const reason = requiredText('reason', command.reason, LIMITS.reason);
  const decidedBy = partyRef('decidedBy', command.decidedBy);
  return decided(
    {
      ...state,
      status: 'REJECTED',
      decidedBy,
      decidedAt: context.now,
      rejection: { reason, decidedBy, decidedAt: context.now },
      updatedAt: context.now,
    },
    [{ kind: 'rejected', previousStatus: state.status, reason, decidedBy }],
    context,
  );
}

/**
 * Withdraws an unfinished recommendation. A draft or a proposal may go without a word; once
 * adopted, outside bodies were addressed, so the reason is required.
 */
export function withdrawRecommendation(
  state: Recommendation,
  command: { reason?: string | null },
  context: DecisionContext,
): RecommendationDecision {
  requireStatus(state, ['DRAFT', 'PROPOSED', 'ADOPTED', 'IN_PROGRESS'], 'be withdrawn');
  const reason =
    state.status === 'ADOPTED' || state.status === 'IN_PROGRESS'
      ? requiredText('reason', command.reason, LIMITS.reason)
      : optionalText('reason', command.reason, LIMITS.reason);
  const change: RecommendationChange = withoutUndefined({
    kind: 'withdrawn' as const,
    previousStatus: state.status,
    reason,
  });
  return decided(
    withoutUndefined({
      ...state,
      status: 'WITHDRAWN' as const,
      withdrawnAt: context.now,
      withdrawalReason: reason,
      updatedAt: context.now,
    }),
    [change],
    context,
  );
}

/** Replaces a proposed or adopted recommendation by another one, which carries the work on. */
export function supersedeRecommendation(
  state: Recommendation,
  command: { supersededBy: string; reason?: string | null },
  context: DecisionContext,
): RecommendationDecision {
  requireStatus(state, ['PROPOSED', 'ADOPTED', 'IN_PROGRESS'], 'be superseded');
  const supersededBy = requiredText('supersededBy', command.supersededBy, LIMITS.id);
  if (supersededBy === state.id) {
    throw badInput('supersededBy', 'a recommendation cannot supersede itself');
  }
  const reason = optionalText('reason', command.reason, LIMITS.reason);
  const change: RecommendationChange = withoutUndefined({
    kind: 'superseded' as const,
    previousStatus: state.status,
    supersededBy,
    reason,
  });
  return decided(
    withoutUndefined({
      ...state,
      status: 'SUPERSEDED' as const,
      supersededBy,
      supersededAt: context.now,
      supersessionReason: reason,
      updatedAt: context.now,
    }),
    [change],
    context,
  );
}
