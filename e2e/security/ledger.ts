import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** The parts of the tier, in the order the summary lists them. */
export const SECTIONS = [
  'bad tokens',
  'cross-tenant reads',
  'cross-tenant writes',
  'cross-tenant subscriptions',
  'roles × mutations',
  'bombs',
  'oversized inputs',
  'transport',
  'fuzzer',
] as const;
export type Section = (typeof SECTIONS)[number];

/**
 * What gives away a server's internals: stack frames, source positions, file system paths,
 * library errors passed through, and HTML error pages. Each is a finding only when the request
 * did not carry the same text (a client's own input echoed in an error message is no leak).
 */
const INTERNALS: RegExp[] = [
  /\bat [\w$.<>[\]]+ \(/g,
  /\bat \/[^\s"]*/g,
  /[\w-]+\.(?:ts|js|mjs|cjs):\d+/g,
  /\/work\/[^\s"]*/g,
  /\/home\/[^\s"]*/g,
  /file:\/\/[^\s"]*/g,
  /node_modules/g,
  /"stack"/gi,
  /stacktrace/gi,
  /originalError/g,
  // An HTML error page as the whole answer (HTML inside JSON is a generated document's).
  /^\s*<(?:!DOCTYPE html|html)/gi,
];

/** One answer as a client got it, with what was sent (to tell echoed input from leaks). */
export interface Answer {
  /** Where it went and what it was, for the failure message: `POST gateway organizations`. */
  label: string;
  /** HTTP status; for WebSocket frames and close reasons 0. */
  status: number;
  text: string;
  sent: string;
  /** The tenant that asked: answers to anyone but tenant A are searched for A's data. */
  tenant?: string;
}

interface Tally {
  tried: number;
  through: string[];
}

const FINDINGS_KEPT = 25;
const CASES_PER_REASON = 5;

const reasonOf = (through: string) => through.split(' — ')[0]!;

/**
 * Counts what the tier tries and what got through, per section, and looks at every answer the
 * tier gets (setup included) for the global rules: no status 5xx, no internals, and no data of
 * tenant A in an answer to anyone else.
 */
export class Ledger {
  private readonly tallies = new Map<Section, Tally>(
    SECTIONS.map((section) => [section, { tried: 0, through: [] }]),
  );
  answers = 0;
  readonly serverErrors: string[] = [];
  readonly internals: string[] = [];
  readonly leaks: string[] = [];
  private secretsOfA: { tenant: string; values: string[] } | undefined;
  private readonly started = Date.now();
  private readonly durations = new Map<Section, number>();
  private readonly notes: Record<string, unknown> = {};

  /** Tenant A's ids and texts: from now on, answers to other tenants must not contain them. */
  guard(tenant: string, values: Iterable<string>): void {
    this.secretsOfA = { tenant, values: [...new Set(values)].filter((v) => v.length >= 6) };
  }

  /** Ids of A that a caller of another tenant wrote into its own data (a write that got through). */
  forgive(value: string): void {
    if (this.secretsOfA)
      this.secretsOfA.values = this.secretsOfA.values.filter((secret) => secret !== value);
  }

  /** One attempt of a section; `through` when it was not refused as it must be. */
  tried(section: Section, outcome: { through?: string } = {}): void {
    const tally = this.tallies.get(section)!;
    tally.tried += 1;
    if (outcome.through !== undefined) tally.through.push(outcome.through);
  }

  /** Something the report carries besides the counts (the role table). */
  note(name: string, value: unknown): void {
    this.notes[name] = value;
  }

  /** How long a section took, for the summary. */
  timed(section: Section, ms: number): void {
    this.durations.set(section, (this.durations.get(section) ?? 0) + ms);
  }

  tally(section: Section): { tried: number; through: string[] } {
    return this.tallies.get(section)!;
  }

  /** Looks at one answer under the global rules. */
  check(answer: Answer): void {
    this.answers += 1;
    const { label, status, text, sent } = answer;
    const excerpt = () => `${label}: ${text.slice(0, 300)}`;
    if (status >= 500) this.serverErrors.push(`${status} ${excerpt()}`);
    for (const pattern of INTERNALS) {
      const found = [...text.matchAll(pattern)].map((match) => match[0]);
      const leaked = found.find((value) => !sent.includes(value));
      if (leaked !== undefined) {
        this.internals.push(`${JSON.stringify(leaked)} in ${excerpt()}`);
        break;
      }
    }
    const secrets = this.secretsOfA;
    if (secrets && answer.tenant !== undefined && answer.tenant !== secrets.tenant) {
      const leaked = secrets.values.find((value) => text.includes(value) && !sent.includes(value));
      if (leaked !== undefined) this.leaks.push(`${JSON.stringify(leaked)} in ${excerpt()}`);
    }
  }

  /** The counts, as printed and as written for docs/security.md. */
  summary() {
    const sections = SECTIONS.map((section) => {
      const { tried, through } = this.tallies.get(section)!;
      return {
        section,
        tried,
        gotThrough: through.length,
        seconds: Math.round((this.durations.get(section) ?? 0) / 100) / 10,
        // What got through, by the reason each case starts with (`reason — details`).
        reasons: Object.fromEntries(
          [...new Set(through.map(reasonOf))].map((reason) => [
            reason,
            through.filter((one) => reasonOf(one) === reason).length,
          ]),
        ),
        // The first few of each reason.
        cases: [...new Set(through.map(reasonOf))].flatMap((reason) =>
          through.filter((one) => reasonOf(one) === reason).slice(0, CASES_PER_REASON),
        ),
      };
    });
    return {
      finishedAt: new Date().toISOString(),
      seconds: Math.round((Date.now() - this.started) / 1000),
      sections,
      answers: this.answers,
      serverErrors: this.serverErrors.length,
      internals: this.internals.length,
      leaks: this.leaks.length,
      findings: {
        serverErrors: this.serverErrors.slice(0, FINDINGS_KEPT),
        internals: this.internals.slice(0, FINDINGS_KEPT),
        leaks: this.leaks.slice(0, FINDINGS_KEPT),
      },
    };
  }

  /** One table: the sections' counts, then the global ones. */
  table(crashed: string[]): string {
    const summary = this.summary();
    const rows = [
      ['section', 'tried', 'got through', 's'],
      ...summary.sections.map((s) => [
        s.section,
        String(s.tried),
        String(s.gotThrough),
        String(s.seconds),
      ]),
      ['answers looked at', String(summary.answers), '', ''],
      ['status 5xx', String(summary.serverErrors), '', ''],
      ['internals (stacks, paths)', String(summary.internals), '', ''],
      ['tenant-A data to others', String(summary.leaks), '', ''],
      ['crashed processes', String(crashed.length), '', ''],
    ];
    const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
    const line = (row: string[]) =>
      row
        .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
        .join('  ');
    return [line(rows[0]!), ...rows.slice(1).map(line)].join('\n');
  }

  write(path: string, crashed: string[]): void {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(
      path,
      `${JSON.stringify({ ...this.summary(), crashed, ...this.notes }, null, 2)}\n`,
    );
  }
}
