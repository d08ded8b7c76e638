import 'reflect-metadata';

import {
  buildSchema,
  graphql,
  type ExecutionResult,
  type GraphQLFieldResolver,
  type GraphQLResolveInfo,
} from 'graphql';
import { Arg, Field, ID, InputType, Int, Mutation, Query, Resolver } from 'type-graphql';

import { DomainError } from '../domain';
import { buildSubgraph } from './federation';
import { guardInputText, INPUT_TEXT_LIMITS, LongText, SearchText } from './input-text';

/** What the resolvers below were called with: a refused input must never reach them. */
const received: unknown[] = [];

@InputType()
class NoteFilterInput {
  @SearchText()
  @Field(() => String, { nullable: true })
  text?: string | null;

  @Field(() => Int, { nullable: true })
  year?: number | null;
}

@InputType()
class NoteDocumentInput {
  @Field()
  number: string;
}

@InputType()
class NoteInput {
  @Field()
  title: string;

  @LongText()
  @Field(() => String, { nullable: true })
  body?: string | null;

  @Field(() => [String], { nullable: true })
  tags?: string[] | null;

  @Field(() => NoteDocumentInput, { nullable: true })
  document?: NoteDocumentInput | null;
}

@InputType()
class AgendaItemInput {
  @Field()
  title: string;
}

@Resolver()
class NoteResolver {
  @Query(() => Int)
  notes(
    @Arg('filter', () => NoteFilterInput, { nullable: true }) filter: NoteFilterInput | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ) {
    received.push({ filter, after });
    return 0;
  }

  @Mutation(() => ID)
  addNote(@Arg('input') input: NoteInput) {
    received.push(input);
    return 'n-1';
  }

  @LongText('reason')
  @Mutation(() => ID)
  dropNote(
    @Arg('id', () => ID) id: string,
    @Arg('reason', () => String, { nullable: true }) reason: string | null,
  ) {
    received.push({ id, reason });
    return id;
  }

  @Mutation(() => Int)
  setAgenda(@Arg('items', () => [AgendaItemInput]) items: AgendaItemInput[]) {
    received.push(items);
    return items.length;
  }
}

let run: (source: string, variables: Record<string, unknown>) => Promise<ExecutionResult>;

beforeAll(async () => {
  const { schema } = await buildSubgraph({ resolvers: [NoteResolver], validate: false });
  run = (source, variableValues) => Promise.resolve(graphql({ schema, source, variableValues }));
});

beforeEach(() => {
  received.length = 0;
});

const NOTES =
  'query($filter: NoteFilterInput, $after: String) { notes(filter: $filter, after: $after) }';
const ADD = 'mutation($input: NoteInput!) { addNote(input: $input) }';
const DROP = 'mutation($id: ID!, $reason: String) { dropNote(id: $id, reason: $reason) }';
const AGENDA = 'mutation($items: [AgendaItemInput!]!) { setAgenda(items: $items) }';

/** The refusal a response carries, as clients see its code and details. */
function refusal(result: ExecutionResult) {
  const error = result.errors?.[0]?.originalError;
  expect(error).toBeInstanceOf(DomainError);
  const { code, message, details } = error as DomainError;
  return { code, message, ...details };
}

const card = (input: Record<string, unknown>) => ({ input: { title: 'Заметка', ...input } });

describe('the limit of every text input', () => {
  it('should refuse a 200 KB search text naming the field and the limit, before the resolver runs', async () => {
    const result = await run(NOTES, { filter: { text: 'поиск '.repeat(34_000) } });

    expect(refusal(result)).toEqual({
      code: 'BAD_USER_INPUT',
      message: 'text: must be at most 200 characters',
      field: 'text',
      maxLength: INPUT_TEXT_LIMITS.search,
    });
    expect(received).toEqual([]);
  });

  it('should accept a search text of 200 emoji when it counts characters, not UTF-16 units', async () => {
    const text = '🔎'.repeat(200);

    expect((await run(NOTES, { filter: { text } })).errors).toBeUndefined();
    expect(refusal(await run(NOTES, { filter: { text: `${text}🔎` } }))).toMatchObject({
      field: 'text',
      maxLength: 200,
    });
  });

  it('should hold an unmarked argument or input field to the default limit', async () => {
    const longest = 'я'.repeat(INPUT_TEXT_LIMITS.default);

    expect((await run(ADD, card({ title: longest }))).errors).toBeUndefined();
    expect(refusal(await run(ADD, card({ title: `${longest}я` })))).toMatchObject({
      message: 'title: must be at most 2000 characters',
      field: 'title',
    });
    expect(refusal(await run(NOTES, { after: `${longest}=` }))).toMatchObject({ field: 'after' });
    expect(refusal(await run(DROP, { id: `${longest}1` }))).toMatchObject({ field: 'id' });
    expect(received).toEqual([{ title: longest }]);
  });

  it('should take prose up to the long limit, line breaks and tabs included', async () => {
    const body = `${'Абзац.\n\t'.repeat(2_500)}`;
    expect(body.length).toBe(INPUT_TEXT_LIMITS.long);

    expect((await run(ADD, card({ body }))).errors).toBeUndefined();
    expect((await run(DROP, { id: 'n-1', reason: body })).errors).toBeUndefined();
    expect(refusal(await run(ADD, card({ body: `${body}!` })))).toMatchObject({
      field: 'body',
      maxLength: 20_000,
    });
    expect(refusal(await run(DROP, { id: 'n-1', reason: `${body}!` }))).toMatchObject({
      field: 'reason',
      maxLength: 20_000,
    });
  });

  it('should name nested fields and list elements as decisions name them', async () => {
    const tooLong = 'x'.repeat(INPUT_TEXT_LIMITS.default + 1);

    expect(refusal(await run(ADD, card({ document: { number: tooLong } })))).toMatchObject({
      field: 'document.number',
    });
    expect(refusal(await run(ADD, card({ tags: ['ok', tooLong] })))).toMatchObject({
      message: 'tags: each value must be at most 2000 characters',
      field: 'tags',
    });
    const items = [{ title: 'Первый вопрос' }, { title: tooLong }];
    expect(refusal(await run(AGENDA, { items }))).toMatchObject({ field: 'items[1].title' });
    expect(received).toEqual([]);
  });
});

describe('the characters of every text input', () => {
  it.each([
    ['a NUL', { title: 'Рога\u0000и копыта' }, 'title', 'must not contain control characters'],
    [
      'a line break',
      { title: 'Рога\nи копыта' },
      'title',
      'must be one line, without line breaks or tabs',
    ],
    [
      'a right-to-left override',
      { title: 'Ромашка\u202Eакшамор' },
      'title',
      'must not contain bidirectional override characters',
    ],
    [
      'an escape in a long text',
      { body: 'Абзац.\u001B[2J' },
      'body',
      'must not contain control characters other than line breaks and tabs',
    ],
    [
      'a lone surrogate in a list',
      { tags: ['\uDC00'] },
      'tags',
      'must be well-formed Unicode text',
    ],
  ])('should refuse %s naming the field', async (_case, input, field, message) => {
    expect(refusal(await run(ADD, card(input)))).toEqual({
      code: 'BAD_USER_INPUT',
      message: `${field}: ${message}`,
      field,
    });
    expect(received).toEqual([]);
  });

  it('should refuse a control character in a search text or cursor too', async () => {
    expect(refusal(await run(NOTES, { filter: { text: 'a\u0000' } }))).toMatchObject({
      field: 'text',
    });
    expect(refusal(await run(NOTES, { after: 'YWJj\u0007' }))).toMatchObject({ field: 'after' });
  });
});

describe('markers', () => {
  it('should fail the build when a marker names an argument the field does not have', async () => {
    @Resolver()
    class MisspeltResolver {
      @LongText('reasn')
      @Mutation(() => ID)
      close(@Arg('reason', () => String) reason: string) {
        return reason;
      }
    }

    await expect(buildSubgraph({ resolvers: [MisspeltResolver], validate: false })).rejects.toThrow(
      'Mutation.close has no argument reasn',
    );
  });

  it('should fail the build when a marked input field is not a String', async () => {
    @InputType()
    class CountInput {
      @LongText()
      @Field(() => Int)
      count: number;
    }

    @Resolver()
    class CountResolver {
      @Query(() => Int)
      count(@Arg('input') input: CountInput) {
        return input.count;
      }
    }

    await expect(buildSubgraph({ resolvers: [CountResolver], validate: false })).rejects.toThrow(
      'CountInput.count is marked long but is not a String',
    );
  });
});

describe('a refusal', () => {
  it('should come as a rejected promise, never a throw, so that no sibling field is left unhandled', async () => {
    // graphql-js 16 stops resolving an object's fields when a non-null one throws; a sibling that
    // rejects afterwards has no handler and ends the process. A refusal must not throw.
    const schema = buildSchema('type Query { notes(after: String): Int! }');
    const guarded = guardInputText(schema, { Query: { notes: () => 1 } });
    const notes = (guarded['Query'] as Record<string, GraphQLFieldResolver<unknown, unknown>>)[
      'notes'
    ]!;
    let outcome: unknown;

    expect(() => {
      outcome = notes(
        {},
        { after: 'x'.repeat(INPUT_TEXT_LIMITS.default + 1) },
        {},
        {} as GraphQLResolveInfo,
      );
    }).not.toThrow();
    await expect(outcome).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { field: 'after' },
    });
  });
});
