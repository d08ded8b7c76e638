import { DemoLoadError, type Caller } from './api';
import { seconds, type LoadContext } from './load-context';
import * as op from './operations';
import { demoResolutions } from './workspace';

/** What a recommendation action asks of addressees: the requests service drafts a request each. */
const ADDRESSED_ACTIONS = new Set(['APPEAL', 'PROPOSAL', 'LEGISLATIVE_INITIATIVE']);

interface RequestNode {
  id: string;
  version: number;
  status: string;
  addressee: { id: string };
}

/** Waits for the drafts the requests service makes of adopted appeals, then sends them on. */
export async function sendRequests(ctx: LoadContext): Promise<void> {
  const started = Date.now();
  const drafts = new Map<string, RequestNode>();
  for (const resolution of demoResolutions(ctx.workspace)) {
    const { followUp } = resolution;
    if (!followUp.adopt || !ADDRESSED_ACTIONS.has(followUp.actionType)) continue;
    const recommendation = ctx.recommendations.get(resolution.number);
    if (!recommendation) continue;
    const wanted = resolution.addressees.length;
    const found = await ctx.api.waitFor<
      { recommendation: { code: string; requests: RequestNode[] } | null },
      RequestNode[]
    >(
      `wait for the requests drafted from ${recommendation.code}`,
      op.RECOMMENDATION_STATE,
      { id: recommendation.id },
      (data) =>
        data.recommendation && data.recommendation.requests.length >= wanted
          ? data.recommendation.requests
          : undefined,
      { timeoutMs: ctx.waitTimeoutMs },
      (data) => `${data.recommendation?.requests.length ?? 0} of ${wanted} so far`,
    );
    for (const request of found)
      drafts.set(`${resolution.number}/${request.addressee.id}`, request);
  }
  ctx.log(
    `requests: ${drafts.size} drafted from the adopted appeals in ${seconds(Date.now() - started)}`,
  );

  const signatory = ctx.party(ctx.workspace.signatory);
  const accepted = new Set<number>();
  for (const plan of ctx.workspace.requests) {
    const addresseeId = ctx.org(plan.addressee);
    const draft = drafts.get(`${plan.recommendation}/${addresseeId}`);
    const code = ctx.recommendations.get(plan.recommendation)?.code ?? `#${plan.recommendation}`;
    const step = (what: string) =>
      `${what} the request of ${code} to ${ctx.shortName(plan.addressee)}`;
    if (!draft) throw new DemoLoadError(step('find'), 'the requests service did not draft it');
    const { id } = draft;
    let version = (
      await ctx.api.run<{ editRequest: { version: number } }>(step('sign'), op.EDIT_REQUEST, {
        id,
        version: draft.version,
        input: { signatory },
      })
    ).editRequest.version;
    const submitted = await ctx.api.run<{
      submitRequest: { version: number; outgoingNumber: string };
    }>(step('submit'), op.SUBMIT_REQUEST, { id, version, sentAt: plan.sentAt });
    version = submitted.submitRequest.version;
    const addressee: Caller = { role: 'addressee', org: addresseeId };
    if (plan.register) {
      version = (
        await ctx.api.run<{ registerRequest: { version: number } }>(
          step('register'),
          op.REGISTER_REQUEST,
          {
            id,
            version,
            input: { incomingNumber: plan.register.incomingNumber, registeredOn: plan.register.on },
          },
          plan.register.by === 'addressee' ? addressee : { role: 'secretary' },
        )
      ).registerRequest.version;
    }
    if (plan.answer) {
      await ctx.api.run(
        step('answer'),
        op.ANSWER_REQUEST,
        {
          id,
          version,
          input: {
            outcome: plan.answer.outcome,
            text: plan.answer.text,
            document: { number: plan.answer.documentNumber, date: plan.answer.documentDate },
            answeredAt: plan.answer.answeredAt,
          },
        },
        addressee,
      );
      if (plan.answer.outcome === 'ACCEPTED') accepted.add(plan.recommendation);
    }
    const where = plan.answer
      ? `answered ${plan.answer.outcome} on ${plan.answer.answeredAt.slice(0, 10)}`
      : plan.register
        ? `registered by the ${plan.register.by} on ${plan.register.on}, not answered`
        : 'sent, not registered';
    ctx.log(
      `request ${submitted.submitRequest.outgoingNumber} (${code} → ${ctx.shortName(plan.addressee)}), sent ${plan.sentAt.slice(0, 10)}: ${where}${plan.note ? `; ${plan.note}` : ''}`,
    );
  }
  for (const number of accepted) await awaitInProgress(ctx, number);
}

/** An ACCEPTED answer moves its adopted recommendation to IN_PROGRESS (over Kafka). */
async function awaitInProgress(ctx: LoadContext, number: number): Promise<void> {
  const recommendation = ctx.recommendations.get(number);
  if (!recommendation) return;
  const started = Date.now();
  await ctx.api.waitFor<{ recommendation: { status: string } | null }, true>(
    `wait for ${recommendation.code} to move to IN_PROGRESS after the accepted answer`,
    op.RECOMMENDATION_STATE,
    { id: recommendation.id },
    (data) => (data.recommendation?.status === 'IN_PROGRESS' ? true : undefined),
    { timeoutMs: ctx.waitTimeoutMs },
    (data) => `it is ${data.recommendation?.status ?? 'not visible'}`,
  );
  ctx.log(
    `${recommendation.code}: IN_PROGRESS after the accepted answer (${seconds(Date.now() - started)})`,
  );
}
