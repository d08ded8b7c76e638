import { type z } from 'zod';

/** One reason a value broke a schema, with the path to the offending field. */
export interface SchemaIssue {
  /** Dotted path, e.g. `data.member.kind` or `data.industries[0]`; `(root)` for the value itself. */
  readonly path: string;
  readonly message: string;
}

/** Renders a zod path as people write it: `data.industries[0].name`. */
export function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(root)';
  return path
    .map((key, index) =>
      typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`,
    )
    .join('');
}

/** The issues of a zod error in a form that does not depend on zod. */
export function toSchemaIssues(error: z.ZodError): SchemaIssue[] {
  return error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
}

// Reasons end up in logs and dead-letter headers: enough to find the field, short enough to read.
const shownIssues = 3;

/** A one-line summary of issues, e.g. `tenantid: Too small…; data.name: Required`. */
export function summarizeIssues(issues: readonly SchemaIssue[]): string {
  const shown = issues.slice(0, shownIssues).map((issue) => `${issue.path}: ${issue.message}`);
  const hidden = issues.length - shown.length;
  return hidden > 0 ? `${shown.join('; ')} (and ${hidden} more)` : shown.join('; ');
}
