import { z } from 'zod';
import { defineEvent } from './define-event';

const data = z.object({ id: z.string().min(1), title: z.string().min(1) });

describe('defineEvent', () => {
  it('should derive type, topic and source from the aggregate when defining an event', () => {
    const definition = defineEvent({
      type: 'adopted',
      version: 2,
      aggregate: 'recommendation',
      description: 'test',
      data,
      example: { id: 'r-1', title: 'Создать реестр' },
    });

    expect(definition).toMatchObject({
      type: 'kollegia.recommendations.recommendation.adopted.v2',
      name: 'adopted',
      version: 2,
      service: 'recommendations',
      source: 'kollegia/recommendations',
      topic: 'kollegia.recommendations.recommendation',
    });
  });

  it('should pin the type in the envelope schema when the definition is built', () => {
    const definition = defineEvent({
      type: 'opened',
      version: 1,
      aggregate: 'conference',
      description: 'test',
      data,
      example: { id: 'c-1', title: 'Форум' },
    });

    const otherType = definition.envelope.safeParse({
      specversion: '1.0',
      id: '3f1c9a4e-7b2d-4c8e-9a61-5d2e8f0b7c13',
      source: 'kollegia/roundtables',
      type: 'kollegia.roundtables.conference.closed.v1',
      subject: 'c-1',
      time: '2025-05-20T09:30:00Z',
      datacontenttype: 'application/json',
      tenantid: 't',
      aggregateversion: 1,
      correlationid: 'c',
      actor: 'system:test',
      data: { id: 'c-1', title: 'Форум' },
    });
    expect(otherType.error?.issues.map((issue) => issue.path)).toEqual([['type']]);
  });

  it('should throw when the name is not kebab case', () => {
    expect(() =>
      defineEvent({
        type: 'roleChanged',
        version: 1,
        aggregate: 'membership',
        description: 'test',
        data,
        example: { id: 'm-1', title: 'x' },
      }),
    ).toThrow(/kebab case/);
  });

  it('should throw when the version is not a positive integer', () => {
    expect(() =>
      defineEvent({
        type: 'granted',
        version: 0,
        aggregate: 'membership',
        description: 'test',
        data,
        example: { id: 'm-1', title: 'x' },
      }),
    ).toThrow(/positive integer/);
  });

  it('should throw naming the field when the example breaks the schema', () => {
    expect(() =>
      defineEvent({
        type: 'granted',
        version: 1,
        aggregate: 'membership',
        description: 'test',
        data,
        example: { id: 'm-1', title: '' },
      }),
    ).toThrow(/membership\.granted\.v1[\s\S]*title/);
  });
});
