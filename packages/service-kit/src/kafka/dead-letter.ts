import type { KafkaMessage, Producer } from 'kafkajs';

/** Headers a dead-lettered message carries, so an operator can see why and replay from where. */
export const DEAD_LETTER_HEADERS = {
  reason: 'x-dead-letter-reason',
  originTopic: 'x-dead-letter-origin-topic',
  originPartition: 'x-dead-letter-origin-partition',
  originOffset: 'x-dead-letter-origin-offset',
  consumerGroup: 'x-dead-letter-consumer-group',
  attempts: 'x-dead-letter-attempts',
  failedAt: 'x-dead-letter-failed-at',
} as const;

export interface DeadLetter {
  topic: string;
  partition: number;
  message: KafkaMessage;
  reason: string;
  attempts: number;
}

/** Sends the original key, value and headers to the dead-letter topic, with the reason and origin. */
export async function sendToDeadLetter(
  producer: Producer,
  deadLetterTopic: string,
  consumerGroup: string,
  letter: DeadLetter,
): Promise<void> {
  const { message } = letter;
  await producer.send({
    topic: deadLetterTopic,
    acks: -1,
    messages: [
      {
        key: message.key,
        value: message.value,
        headers: {
          ...message.headers,
          [DEAD_LETTER_HEADERS.reason]: letter.reason.slice(0, 1000),
          [DEAD_LETTER_HEADERS.originTopic]: letter.topic,
          [DEAD_LETTER_HEADERS.originPartition]: String(letter.partition),
          [DEAD_LETTER_HEADERS.originOffset]: message.offset,
          [DEAD_LETTER_HEADERS.consumerGroup]: consumerGroup,
          [DEAD_LETTER_HEADERS.attempts]: String(letter.attempts),
          [DEAD_LETTER_HEADERS.failedAt]: new Date().toISOString(),
        },
      },
    ],
  });
}
