import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { type Aggregate } from '@kollegia/events';
import { buildSchema, GraphQLEnumType } from 'graphql';
import { parse as parseYaml } from 'yaml';
import { compareApis } from './breaking';
import { composeSupergraph } from './compose';
import { packageDir, repoRoot } from './paths';
import { findSubgraphSources } from './subgraph-sources';
import { enumValue, eventKindEnums, eventKinds, liveSubscriptionSchema } from './subscriptions';

async function composedApi(): Promise<string> {
  const composition = composeSupergraph(await findSubgraphSources(repoRoot));
  if (!composition.ok) throw new Error(composition.errors.join('\n'));
  return composition.files['api.graphql'];
}

/** `before` with `from` replaced by `to`, failing when `from` is not there to replace. */
function edited(before: string, from: string, to: string): string {
  expect(before).toContain(from);
  return before.replace(from, to);
}

describe('liveSubscriptionSchema', () => {
  it('should offer only the subscriptions whose types the supergraph has', () => {
    const { fields, typeDefs } = liveSubscriptionSchema(
      'type Request @key(fields: "id") { id: ID! status: RequestStatus! }\nenum RequestStatus { DRAFT }',
    );

    expect(fields).toEqual(['requestChanged', 'addresseeInbox']);
    expect(typeDefs).toContain('type RequestChange {');
    expect(typeDefs).not.toContain('RoundtableLiveEvent');
  });

  it('should offer none when the supergraph has none of their entity types', () => {
    expect(liveSubscriptionSchema('type Organization { id: ID! }')).toEqual({
      fields: [],
      typeDefs: undefined,
    });
  });
});

describe('the breaking-change check on subscriptions', () => {
  const NO_CHANGELOG = '# Public API changelog\n\n## Unreleased\n';

  it('should report a removed subscription field as breaking', async () => {
    const api = await composedApi();
    const without = edited(api, '  requestChanged(after: String, id: ID!): RequestChange!\n', '');

    const report = await compareApis(api, without, NO_CHANGELOG);

    expect(report.breaking.map((change) => change.message)).toEqual([
      "Field 'requestChanged' was removed from object type 'Subscription'",
    ]);
  });

  it("should report a payload field's changed type as breaking", async () => {
    const api = await composedApi();
    const retyped = edited(api, '  type: RoundtableLiveEventType!\n', '  type: String!\n');

    const report = await compareApis(api, retyped, NO_CHANGELOG);

    expect(report.breaking.map((change) => change.message)).toEqual([
      "Field 'RoundtableLiveEvent.type' changed type from 'RoundtableLiveEventType!' to 'String!'",
    ]);
  });

  it('should report an event kind removed from a payload enum as breaking', async () => {
    const api = await composedApi();
    const fewer = edited(api, '  STATEMENT_RECORDED\n', '');

    const report = await compareApis(api, fewer, NO_CHANGELOG);

    expect(report.breaking.map((change) => change.path)).toEqual([
      'RoundtableLiveEventType.STATEMENT_RECORDED',
    ]);
  });
});

/** The event kinds of each aggregate, as the committed AsyncAPI document lists them. */
async function asyncApiKinds(): Promise<Map<string, Set<string>>> {
  const document = parseYaml(
    await readFile(path.join(repoRoot, 'docs/events/asyncapi.yaml'), 'utf8'),
  ) as {
    channels: Record<string, { messages: Record<string, { $ref: string }> }>;
    components: { messages: Record<string, { name: string }> };
  };
  const kinds = new Map<string, Set<string>>();
  for (const channel of Object.values(document.channels)) {
    for (const { $ref } of Object.values(channel.messages)) {
      // `kollegia.<service>.<aggregate>.<name>.v<version>`
      const type = document.components.messages[$ref.split('/').at(-1)!]!.name;
      const [, , aggregate, name] = type.split('.');
      const set = kinds.get(aggregate!) ?? new Set<string>();
      set.add(enumValue(name!));
      kinds.set(aggregate!, set);
    }
  }
  return kinds;
}

describe('api.graphql and docs/events/asyncapi.yaml', () => {
  // The payload enums, and the recommendations service's timeline entry type (conferenceFollowUps'
  // entries): each names the events of its aggregates.
  const enums: [string, readonly Aggregate[]][] = [
    ...Object.entries(eventKindEnums),
    ['RecommendationTimelineEntryType', ['recommendation']],
  ];

  it.each(enums)(
    'should list in %s exactly the events of %j that the AsyncAPI document and the registry list',
    async (name, of) => {
      const api = buildSchema(await readFile(path.join(packageDir, 'api.graphql'), 'utf8'));
      const documented = await asyncApiKinds();
      const type = api.getType(name);
      expect(type).toBeInstanceOf(GraphQLEnumType);

      const inSchema = new Set((type as GraphQLEnumType).getValues().map((value) => value.name));
      const inAsyncApi = new Set(of.flatMap((aggregate) => [...(documented.get(aggregate) ?? [])]));
      const inRegistry = new Set(eventKinds(of));

      expect(inSchema).toEqual(inAsyncApi);
      expect(inSchema).toEqual(inRegistry);
    },
  );
});
