import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';

import type { Statement } from '../../domain/statement';
import type { RoundtablesContext } from '../context';
import { shownMember } from '../foreign/shown-members';
import { AgendaItemType } from '../roundtable/parts.type';
import { RoundtableType } from '../roundtable/roundtable.type';
import { PartyUnion, toParty } from '../shared/party';
import { CorrectStatementInput, RecordStatementInput } from './statement.input';
import { StatementType } from './statement.type';

@Resolver(() => StatementType)
export class StatementResolver {
  @Mutation(() => StatementType, {
    description:
      'Adds a line to the minutes of a LIVE round table, or of a CONCLUDED one until its minutes are approved (typing them up). Takes no expectedVersion: lines are recorded one after another and never lost to a concurrent change.',
  })
  recordStatement(
    @Arg('roundtableId', () => ID) roundtableId: string,
    @Arg('input') input: RecordStatementInput,
    @Ctx() ctx: RoundtablesContext,
  ) {
    return ctx.useCases.statements.record(ctx.command, roundtableId, input);
  }

  @Mutation(() => [StatementType], {
    description: 'Adds up to 100 lines at once, in order (typing up or importing minutes).',
  })
  recordStatements(
    @Arg('roundtableId', () => ID) roundtableId: string,
    @Arg('statements', () => [RecordStatementInput]) statements: RecordStatementInput[],
    @Ctx() ctx: RoundtablesContext,
  ) {
    return ctx.useCases.statements.recordMany(ctx.command, roundtableId, statements);
  }

  @Mutation(() => StatementType, {
    description:
      'Corrects a line of the minutes — speaker, question, text, when said — while LIVE, or once CONCLUDED until the minutes are approved (then CONFLICT, status APPROVED). Like recordStatement, takes no expectedVersion.',
  })
  correctStatement(
    @Arg('roundtableId', () => ID) roundtableId: string,
    @Arg('statementId', () => ID) statementId: string,
    @Arg('input') input: CorrectStatementInput,
    @Ctx() ctx: RoundtablesContext,
  ) {
    return ctx.useCases.statements.correct(ctx.command, roundtableId, statementId, input);
  }

  @FieldResolver(() => Int, { description: 'How often it was corrected: 0 as first recorded.' })
  revision(@Root() statement: Statement): number {
    return statement.revision ?? 0;
  }

  @FieldResolver(() => PartyUnion, {
    nullable: true,
    description:
      'Null when you may not see it (an unpublished organisation), or when the directory does not know it.',
  })
  async speaker(@Root() statement: Statement, @Ctx() ctx: RoundtablesContext) {
    const shown = await shownMember(ctx, statement.speaker);
    return shown && toParty(shown);
  }

  @FieldResolver(() => RoundtableType, { nullable: true })
  roundtable(@Root() statement: Statement, @Ctx() ctx: RoundtablesContext) {
    return ctx.loaders.roundtables.load(statement.roundtableId);
  }

  @FieldResolver(() => AgendaItemType, { nullable: true, description: 'The question spoken to.' })
  async agendaItem(
    @Root() statement: Statement,
    @Ctx() ctx: RoundtablesContext,
  ): Promise<AgendaItemType | null> {
    if (!statement.agendaItemId) return null;
    const roundtable = await ctx.loaders.roundtables.load(statement.roundtableId);
    const index = roundtable?.agenda.findIndex((item) => item.id === statement.agendaItemId) ?? -1;
    const item = roundtable?.agenda[index];
    return item ? { ...item, position: index + 1 } : null;
  }
}
