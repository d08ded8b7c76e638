import { ConnectionArgs, LongText, pageRequest, toConnection } from '@kollegia/service-kit';
import { Arg, Args, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';

import type { RequestsContext } from '../context';
import { RequestConnection } from './request.connection';
import {
  AnswerRequestInput,
  DraftRequestInput,
  EditRequestInput,
  ExtendRequestDeadlineInput,
  RegisterRequestInput,
  RequestFilterInput,
} from './request.input';
import { RequestType } from './request.type';

@Resolver(() => RequestType)
export class RequestResolver {
  @Query(() => RequestType, { nullable: true, description: 'A request you may see.' })
  request(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestsContext) {
    return ctx.useCases.queries.find(ctx.command, id);
  }

  @Query(() => RequestType, {
    nullable: true,
    description: 'A sent request by its outgoing number, e.g. АКИТ-2016/014.',
  })
  requestByOutgoingNumber(
    @Arg('outgoingNumber') outgoingNumber: string,
    @Ctx() ctx: RequestsContext,
  ) {
    return ctx.useCases.queries.findByOutgoingNumber(ctx.command, outgoingNumber);
  }

  @Query(() => RequestConnection, { description: 'The requests you may see, newest first.' })
  async requests(
    @Args() page: ConnectionArgs,
    @Arg('filter', () => RequestFilterInput, { nullable: true }) filter: RequestFilterInput | null,
    @Ctx() ctx: RequestsContext,
  ) {
    return toConnection(
      await ctx.useCases.queries.search(ctx.command, filter ?? {}, pageRequest(page)),
    );
  }

  @Query(() => RequestConnection, {
    description:
      'What was sent to the organisation your token speaks for (claim `org`), newest sent first.',
  })
  async inbox(@Args() page: ConnectionArgs, @Ctx() ctx: RequestsContext) {
    return toConnection(await ctx.useCases.queries.inbox(ctx.command, pageRequest(page)));
  }

  @Mutation(() => RequestType, { description: 'Drafts a request to one addressee.' })
  draftRequest(@Arg('input') input: DraftRequestInput, @Ctx() ctx: RequestsContext) {
    return ctx.useCases.requests.draft(ctx.command, input);
  }

  @Mutation(() => RequestType, { description: 'Edits a draft.' })
  editRequest(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('input') input: EditRequestInput,
    @Ctx() ctx: RequestsContext,
  ) {
    const { kind, subject, body, signatory } = input;
    return ctx.useCases.requests.edit(ctx.command, id, expectedVersion, {
      ...(kind ? { kind } : {}),
      ...(subject !== undefined && subject !== null ? { subject } : {}),
      ...(body !== undefined && body !== null ? { body } : {}),
      ...(signatory !== undefined ? { signatory } : {}),
    });
  }

  @Mutation(() => RequestType, {
    description:
      'Sends a draft under the next outgoing number of the year it was sent; the registration deadline runs from then.',
  })
  submitRequest(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('sentAt', () => Date, {
      nullable: true,
      description:
        'When the letter was sent, if before now (a request entered as it happened); not in the future.',
    })
    sentAt: Date | null,
    @Ctx() ctx: RequestsContext,
  ) {
    return ctx.useCases.requests.submit(ctx.command, id, expectedVersion, sentAt);
  }

  @Mutation(() => RequestType, {
    description:
      'Records the addressee’s registration (by its representative or a secretary); the answer deadline runs.',
  })
  registerRequest(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('input') input: RegisterRequestInput,
    @Ctx() ctx: RequestsContext,
  ) {
    return ctx.useCases.requests.register(ctx.command, id, expectedVersion, input);
  }

  @Mutation(() => RequestType, {
    description: 'Extends the answer deadline, once, within the policy’s limit, with a reason.',
  })
  extendRequestDeadline(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('input') input: ExtendRequestDeadlineInput,
    @Ctx() ctx: RequestsContext,
  ) {
    return ctx.useCases.requests.extendDeadline(ctx.command, id, expectedVersion, input);
  }

  @Mutation(() => RequestType, {
    description: 'Records the answer (by the addressee’s representative or a secretary).',
  })
  answerRequest(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('input') input: AnswerRequestInput,
    @Ctx() ctx: RequestsContext,
  ) {
    const { document, ...answer } = input;
    return ctx.useCases.requests.answer(ctx.command, id, expectedVersion, {
      ...answer,
      ...(document
        ? {
            document: {
              number: document.number,
              date: document.date,
              ...(document.url ? { url: document.url } : {}),
            },
          }
        : {}),
    });
  }

  @LongText('note')
  @Mutation(() => RequestType, { description: 'Closes an answered request.' })
  closeRequest(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('note', () => String, { nullable: true }) note: string | null,
    @Ctx() ctx: RequestsContext,
  ) {
    return ctx.useCases.requests.close(ctx.command, id, expectedVersion, note);
  }

  @LongText('reason')
  @Mutation(() => RequestType, { description: 'Withdraws a request that was not answered yet.' })
  withdrawRequest(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('reason') reason: string,
    @Ctx() ctx: RequestsContext,
  ) {
    return ctx.useCases.requests.withdraw(ctx.command, id, expectedVersion, reason);
  }
}
