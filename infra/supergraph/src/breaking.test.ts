import { acceptedBreakingChanges, compareApis } from './breaking';
import { NO_SUBGRAPHS_PLACEHOLDER } from './compose';

const before = `
type Organization { id: ID! kind: Kind! name: String! }
enum Kind { BANK CLUSTER }
type Query { organization(id: ID!): Organization }
`;

const withoutName = `
type Organization { id: ID! kind: Kind! }
enum Kind { BANK CLUSTER }
type Query { organization(id: ID!): Organization }
`;

const REMOVED_NAME = "Field 'name' was removed from object type 'Organization'";

function changelog(unreleased: string): string {
  return `# Public API changelog\n\n## Unreleased\n\n${unreleased}\n\n## 2026-11-01\n\n- BREAKING: \`Type 'Kind' was removed\`\n`;
}

describe('compareApis', () => {
  it('should flag a removed field as breaking when the changelog does not list it', async () => {
    const report = await compareApis(before, withoutName, changelog('- Nothing yet.'));

    expect(report.breaking.map((change) => change.message)).toEqual([REMOVED_NAME]);
    expect(report.breaking[0]!.path).toBe('Organization.name');
    expect(report.acceptedBreaking).toEqual([]);
  });

  it('should accept a removed field when Unreleased lists its exact message', async () => {
    const report = await compareApis(before, withoutName, changelog(`- BREAKING: ${REMOVED_NAME}`));

    expect(report.breaking).toEqual([]);
    expect(report.acceptedBreaking.map((change) => change.message)).toEqual([REMOVED_NAME]);
  });

  it('should report dangerous and safe changes without failing when nothing breaks', async () => {
    const grown = `
      type Organization { id: ID! kind: Kind! name: String! website: String }
      enum Kind { BANK CLUSTER UNIVERSITY }
      type Query { organization(id: ID!): Organization }
    `;

    const report = await compareApis(before, grown, '');

    expect(report.breaking).toEqual([]);
    expect(report.dangerous.map((change) => change.message)).toEqual([
      "Enum value 'UNIVERSITY' was added to enum 'Kind'",
    ]);
    expect(report.safe.map((change) => change.message)).toEqual([
      "Field 'website' was added to object type 'Organization'",
    ]);
  });

  it('should read the first schema as all additions when the previous API was the placeholder', async () => {
    const report = await compareApis(NO_SUBGRAPHS_PLACEHOLDER, before, '');

    expect(report.breaking).toEqual([]);
    expect(report.safe.length).toBeGreaterThan(0);
  });

  it('should flag every type as removed when the API falls back to the placeholder', async () => {
    const report = await compareApis(before, NO_SUBGRAPHS_PLACEHOLDER, '');

    expect(report.breaking.map((change) => change.message)).toContain(
      "Type 'Organization' was removed",
    );
  });
});

describe('acceptedBreakingChanges', () => {
  it('should read only the Unreleased section, with or without backticks', () => {
    const accepted = acceptedBreakingChanges(
      changelog(
        [
          `- BREAKING: \`${REMOVED_NAME}\``,
          "* BREAKING: Field 'Query.x' changed type from 'String!' to 'String'  ",
          '- Added `Organization.website`.',
        ].join('\n'),
      ),
    );

    expect([...accepted]).toEqual([
      REMOVED_NAME,
      "Field 'Query.x' changed type from 'String!' to 'String'",
    ]);
  });

  it('should accept nothing when there is no Unreleased section', () => {
    expect(
      acceptedBreakingChanges(`# Changelog\n\n## 1.0.0\n\n- BREAKING: ${REMOVED_NAME}\n`).size,
    ).toBe(0);
  });
});
