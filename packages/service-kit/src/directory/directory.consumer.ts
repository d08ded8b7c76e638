import type { ConsumerRunner, EventHandler } from '../kafka/consumer-runner';
import type { ServiceRuntime } from '../runtime';
import type { Directory, DirectoryEvent } from './directory';

/**
 * The consumer group `kollegia.<service>.directory`: members' organisation and person events →
 * the service's `directory` read model. It reads the topics from the beginning, so a fresh
 * database learns every member; replays and redeliveries change nothing. Entries recorded before
 * events said a country get theirs first (see `Directory.fillCountriesOfOldEntries`).
 */
export async function startDirectoryConsumer(
  runtime: ServiceRuntime,
  directory: Directory,
): Promise<ConsumerRunner> {
  const filled = await directory.fillCountriesOfOldEntries();
  if (filled > 0) runtime.logger.info({ filled }, 'directory: countries of old entries filled');
  const record: EventHandler<DirectoryEvent> = async (event, meta) => {
    if (await directory.record(event)) meta.logger.debug('directory entry recorded');
  };
  return runtime.startConsumer({
    purpose: 'directory',
    topics: [runtime.topic('organization'), runtime.topic('person')],
    handlers: {
      'kollegia.members.organization.registered.v1': record,
      'kollegia.members.organization.updated.v1': record,
      'kollegia.members.organization.renamed.v1': record,
      'kollegia.members.organization.archived.v1': record,
      'kollegia.members.person.registered.v1': record,
      'kollegia.members.person.updated.v1': record,
    },
  });
}
