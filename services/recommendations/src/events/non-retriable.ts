import { NonRetriableError } from '@kollegia/service-kit';
import { DomainError } from '@kollegia/service-kit/domain';

/**
 * Runs a handler's work; an event the domain refuses as bad input will be refused every time, so
 * it goes to the dead-letter topic at once instead of being retried.
 */
export async function refusingBadInput<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof DomainError && error.code === 'BAD_USER_INPUT') {
      throw new NonRetriableError(error.message);
    }
    throw error;
  }
}
