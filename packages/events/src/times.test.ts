import { z } from 'zod';

import { eventDefinitions } from './registry';
import { timeFieldMeanings, timeFieldPaths, timeMeaningOf } from './times';

describe('time fields in event data (ADR 0018)', () => {
  it('should give every time field of every event one of the four meanings', () => {
    const unclassified = eventDefinitions.flatMap((definition) =>
      timeFieldPaths(definition.data)
        .filter((path) => timeMeaningOf(path.split('.').at(-1) as string) === undefined)
        .map((path) => `${definition.type}: ${path}`),
    );
    expect(unclassified).toEqual([]);
  });

  it('should name no time field that no event has', () => {
    const used = new Set(
      eventDefinitions.flatMap((definition) =>
        timeFieldPaths(definition.data).map((path) => {
          const field = path.split('.').at(-1) as string;
          return field.startsWith('previous')
            ? field.charAt(8).toLowerCase() + field.slice(9)
            : field;
        }),
      ),
    );
    expect(Object.keys(timeFieldMeanings).filter((field) => !used.has(field))).toEqual([]);
  });

  it('should find time fields inside objects, arrays and optional parts', () => {
    const schema = z.object({
      title: z.string(),
      concludedAt: z.string(),
      agenda: z.array(z.object({ openedAt: z.string().optional(), result: z.string() })),
      source: z.object({ publishedOn: z.string() }).optional(),
    });
    expect(timeFieldPaths(schema)).toEqual([
      'concludedAt',
      'agenda.[].openedAt',
      'source.publishedOn',
    ]);
  });

  it('should read a previous… field as the field it precedes', () => {
    expect(timeMeaningOf('previousConcludedAt')).toBe('happened');
    expect(timeMeaningOf('previousDueOn')).toBe('due');
    expect(timeMeaningOf('previousStartsAt')).toBe('planned');
    expect(timeMeaningOf('submittedAt')).toBe('recorded');
    expect(timeMeaningOf('publishedOn')).toBeUndefined();
  });
});
