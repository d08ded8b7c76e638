import { type Diagnostic, Parser } from '@asyncapi/parser';
import { parse } from 'yaml';
import { decodeEvent } from '../codec';
import { eventDefinitions } from '../registry';
import { allTopics } from '../topics';
import { buildAsyncApiDocument, messageId } from './build';
import { renderAsyncApiYaml } from './write';

// Severity 0 is an error; warnings (e.g. "3.1.0 is out") and hints do not fail. The parser's own
// DiagnosticSeverity export comes from another copy of @stoplight/types than its diagnostics do.
const ERROR: Diagnostic['severity'] = 0;

describe('buildAsyncApiDocument', () => {
  it('should have no error diagnostics when the official parser validates the document', async () => {
    const diagnostics = await new Parser().validate(buildAsyncApiDocument());

    const errors = diagnostics.filter((diagnostic) => diagnostic.severity === ERROR);
    expect(errors.map((error) => `${error.path.join('.')}: ${error.message}`)).toEqual([]);
  });

  it('should have no error diagnostics when the parser reads the rendered YAML', async () => {
    const diagnostics = await new Parser().validate(renderAsyncApiYaml());

    const errors = diagnostics.filter((diagnostic) => diagnostic.severity === ERROR);
    expect(errors.map((error) => `${error.path.join('.')}: ${error.message}`)).toEqual([]);
  });

  it('should read back as the same document when a YAML 1.1 parser reads the rendered YAML', () => {
    // YAML 1.1 parsers (js-yaml among them) turn unquoted 2025-03-01 into a Date, not a string.
    const read: unknown = parse(renderAsyncApiYaml(), { version: '1.1' });

    expect(read).toEqual(buildAsyncApiDocument());
  });

  it('should give every message an example that decodes when built', () => {
    // The parser does not check examples against payloads in AsyncAPI 3, so this test does.
    const document = buildAsyncApiDocument();

    const failures = Object.entries(document.components.messages).flatMap(([id, message]) => {
      const examples = message['examples'] as { payload: unknown }[];
      return examples
        .map((example) => decodeEvent(JSON.stringify(example.payload)))
        .flatMap((result) => (result.ok ? [] : [`${id}: ${result.reason}`]));
    });
    expect(failures).toEqual([]);
  });

  it('should describe one channel per topic when built', () => {
    const document = buildAsyncApiDocument();

    const addresses = Object.values(document.channels).map((channel) => channel['address']);
    expect(addresses).toEqual(allTopics().map((topic) => topic.name));
  });

  it('should describe one message per event type when built', () => {
    const document = buildAsyncApiDocument();

    const names = Object.values(document.components.messages).map((message) => message['name']);
    expect(names).toEqual(eventDefinitions.map((definition) => definition.type));
  });

  it('should pin the event type in the payload schema when describing a message', () => {
    const document = buildAsyncApiDocument();

    const granted = document.components.messages['membershipRoleChangedV1'];
    expect(granted?.['payload']).toMatchObject({
      properties: {
        type: { const: 'kollegia.members.membership.role-changed.v1' },
        data: { required: expect.arrayContaining(['previousRole', 'role']) },
      },
    });
  });

  it('should derive a camel-case message id when the event name has a hyphen', () => {
    const roleChanged = eventDefinitions.find((definition) => definition.name === 'role-changed')!;

    expect(messageId(roleChanged)).toBe('membershipRoleChangedV1');
  });
});
