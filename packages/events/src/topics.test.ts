import { aggregates, allTopics, deadLetterTopic, ownerOf, topicName, topics } from './topics';

describe('topics', () => {
  it('should name the topic after its owning service and aggregate when given no prefix', () => {
    expect(topicName('organization')).toBe('kollegia.members.organization');
    expect(topicName('recommendation')).toBe('kollegia.recommendations.recommendation');
  });

  it('should put the prefix in front when a test asks for its own topics', () => {
    expect(topicName('request', 't42.')).toBe('t42.kollegia.requests.request');
  });

  it('should name the dead-letter topic after the consumer group when given one', () => {
    expect(deadLetterTopic('recommendations.drafts')).toBe('kollegia.dlq.recommendations.drafts');
    expect(deadLetterTopic('requests', 't42.')).toBe('t42.kollegia.dlq.requests');
  });

  it('should throw when a prefix or group would make an illegal Kafka topic name', () => {
    expect(() => topicName('person', 'my test/')).toThrow(/Illegal Kafka topic name/);
    expect(() => deadLetterTopic('')).toThrow(/needs a consumer group/);
    expect(() => deadLetterTopic('x'.repeat(250))).toThrow(/Illegal Kafka topic name/);
  });

  it('should list one topic per aggregate when asked for all topics', () => {
    expect(topics.map((topic) => topic.name)).toEqual([
      'kollegia.members.organization',
      'kollegia.members.person',
      'kollegia.members.community',
      'kollegia.members.membership',
      'kollegia.roundtables.conference',
      'kollegia.roundtables.roundtable',
      'kollegia.recommendations.recommendation',
      'kollegia.recommendations.control-item',
      'kollegia.requests.request',
    ]);
    expect(topics.every((topic) => topic.partitions === 3)).toBe(true);
  });

  it('should prefix every topic when listing them with a prefix', () => {
    expect(allTopics('t1.').every((topic) => topic.name.startsWith('t1.kollegia.'))).toBe(true);
  });

  it('should name the owning service when asked who owns an aggregate', () => {
    expect(aggregates.map((aggregate) => [aggregate, ownerOf(aggregate)])).toContainEqual([
      'roundtable',
      'roundtables',
    ]);
  });
});
