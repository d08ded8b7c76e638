/** A line of the minutes as the board holds it. */
export interface MinutesLine {
  id: string;
  sequence: number;
  revision: number;
}

/**
 * The minutes with a page of lines added: each line once (its latest revision), by sequence. Live
 * events and page loads may bring the same line twice, in either order.
 */
export function withLines<T extends MinutesLine>(minutes: readonly T[], lines: readonly T[]): T[] {
  const byId = new Map(minutes.map((line) => [line.id, line]));
  for (const line of lines) {
    const known = byId.get(line.id);
    if (!known || known.revision <= line.revision) byId.set(line.id, line);
  }
  return [...byId.values()].sort((a, b) => a.sequence - b.sequence);
}
