import {
  Badge,
  Button,
  Group,
  List,
  Loader,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMemo, useState } from 'react';
import { useClient, useMutation, useQuery } from 'urql';

import { mayRecordMinutes, type Claims } from '../auth/claims';
import { AddresseesSelect } from '../components/addressees-select';
import { ApiErrorAlert } from '../components/api-error';
import { DocumentDownload } from '../components/document-download';
import type { ResolutionKind, RoundtableQuery as RoundtableData } from '../generated/graphql';
import {
  CloseAgendaItemMutation,
  OpenAgendaItemMutation,
  ProposeResolutionMutation,
  RoundtableMinutesFileQuery,
} from '../graphql/conferences';
import {
  RecordStatementMutation,
  RoundtableLiveSubscription,
  RoundtableQuery,
} from '../graphql/operations';
import {
  AGENDA_STATUS,
  ATTENDANCE,
  dateTime,
  PARTICIPANT_ROLE,
  RESOLUTION_KIND,
  RESOLUTION_STATUS,
  ROUNDTABLE_STATUS,
  timeOfDay,
} from '../labels';
import { speakerInput, speakerOptions } from '../speakers';
import { useFollow } from '../use-follow';
import { SittingControls } from './sitting-controls';
import { useMinutes, type Minutes } from './use-minutes';
import { RouteLink } from '../components/route-link';

type Roundtable = NonNullable<RoundtableData['roundtable']>;

/**
 * A sitting: its agenda, who is at the table, its resolutions and the minutes as they are
 * recorded, live; once concluded, the minutes as a document. The secretary (and an admin) running
 * a live sitting opens and closes its questions, proposes resolutions and records statements.
 */
export function RoundtablePage({ id, claims }: { id: string; claims: Claims | undefined }) {
  const [{ data, error, fetching }, refetch] = useQuery({
    query: RoundtableQuery,
    variables: { id },
  });
  const minutes = useMinutes(id);
  const live = useLive(id, minutes, () => refetch({ requestPolicy: 'network-only' }));
  const roundtable = data?.roundtable;
  // The secretary (or an admin) runs a live sitting: takes up and closes its questions, puts
  // resolutions to it and records the minutes.
  const runs = mayRecordMinutes(claims) && roundtable?.status === 'LIVE';

  if (!roundtable) {
    if (fetching) return <Loader aria-label="Загрузка" />;
    return error ? <ApiErrorAlert error={error} /> : <Text>Заседание не найдено.</Text>;
  }
  return (
    <Stack>
      <div>
        <Title order={1}>{roundtable.title}</Title>
        <Group gap="xs" mt="xs">
          <Badge>{ROUNDTABLE_STATUS[roundtable.status]}</Badge>
          <Text size="sm">
            {dateTime(roundtable.startsAt)}
            {roundtable.venue ? `, ${roundtable.venue}` : ''}
          </Text>
        </Group>
        {roundtable.conference ? (
          <RouteLink size="sm" route={{ page: 'conference', id: roundtable.conference.id }}>
            {roundtable.conference.title}
          </RouteLink>
        ) : null}
      </div>
      {mayRecordMinutes(claims) ? (
        <SittingControls
          roundtable={roundtable}
          done={() => refetch({ requestPolicy: 'network-only' })}
        />
      ) : null}
      <ApiErrorAlert error={error} />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Agenda roundtable={roundtable} runs={runs} />
        <Participants roundtable={roundtable} />
      </SimpleGrid>
      <Paper withBorder p="md">
        <Group justify="space-between" mb="sm">
          <Title order={2}>Протокол</Title>
          <Badge color={live.following ? 'green' : 'gray'} variant="dot">
            {live.following ? 'Обновляется сразу' : 'Не обновляется'}
          </Badge>
        </Group>
        <ApiErrorAlert error={live.error} />
        {/* Typing up a concluded sitting's minutes (each line with its time) is not offered yet. */}
        {runs ? <RecordStatementForm roundtable={roundtable} minutes={minutes} /> : null}
        {/* The API writes the minutes as a document once the sitting has concluded. */}
        {roundtable.status === 'CONCLUDED' ? <MinutesDocument id={roundtable.id} /> : null}
        <MinutesList minutes={minutes} total={roundtable.statementCount} />
      </Paper>
      <Resolutions roundtable={roundtable} runs={runs} />
    </Stack>
  );
}

/**
 * Follows the round table's events: new lines are fetched, other changes reload the page's data.
 */
function useLive(id: string, minutes: Minutes, changed: () => void) {
  return useFollow(
    RoundtableLiveSubscription,
    { id },
    id,
    (data) => data.roundtableLive,
    (event) => {
      if (event.type === 'STATEMENT_RECORDED') minutes.recorded();
      else if (event.type === 'STATEMENT_CORRECTED' || event.type === 'REDATED') minutes.reload();
      else changed();
    },
  );
}

function Agenda({ roundtable, runs }: { roundtable: Roundtable; runs: boolean }) {
  const [opening, open] = useMutation(OpenAgendaItemMutation);
  const [closing, close] = useMutation(CloseAgendaItemMutation);
  const [results, setResults] = useState<Record<string, string>>({});
  const target = { roundtableId: roundtable.id, expectedVersion: roundtable.version };
  return (
    <Paper withBorder p="md">
      <Title order={2} mb="sm">
        Повестка
      </Title>
      {runs ? <ApiErrorAlert error={opening.error ?? closing.error} /> : null}
      {roundtable.agenda.length ? (
        <List type="ordered" spacing="xs">
          {roundtable.agenda.map((item) => (
            <List.Item key={item.id}>
              {item.title}{' '}
              <Badge
                size="sm"
                variant="light"
                color={item.status === 'IN_DISCUSSION' ? 'green' : 'gray'}
                // Light green's own text is too pale on it (axe): dark text keeps 4.5:1.
                c="dark"
              >
                {AGENDA_STATUS[item.status]}
              </Badge>
              {item.result ? <Text size="sm">Итог: {item.result}</Text> : null}
              {runs && item.status === 'IN_DISCUSSION' ? (
                <Group gap="xs" mt="xs" align="end" wrap="wrap">
                  <TextInput
                    label={`Итог обсуждения вопроса «${item.title}»`}
                    value={results[item.id] ?? ''}
                    onChange={(event) =>
                      setResults({ ...results, [item.id]: event.currentTarget.value })
                    }
                  />
                  <Button
                    size="xs"
                    loading={closing.fetching}
                    aria-label={`Закрыть вопрос «${item.title}»`}
                    onClick={() =>
                      void close({
                        ...target,
                        agendaItemId: item.id,
                        result: results[item.id]?.trim() || null,
                      })
                    }
                  >
                    Закрыть вопрос
                  </Button>
                </Group>
              ) : null}
              {runs && item.status !== 'IN_DISCUSSION' ? (
                <Button
                  size="xs"
                  variant="default"
                  ml="xs"
                  loading={opening.fetching}
                  aria-label={`Открыть вопрос «${item.title}»`}
                  onClick={() => void open({ ...target, agendaItemId: item.id })}
                >
                  Открыть вопрос
                </Button>
              ) : null}
            </List.Item>
          ))}
        </List>
      ) : (
        <Text>Повестка не задана.</Text>
      )}
    </Paper>
  );
}

/** The resolutions put to the sitting; the secretary running it puts new ones. */
function Resolutions({ roundtable, runs }: { roundtable: Roundtable; runs: boolean }) {
  const questionOf = (id: string) => roundtable.agenda.find((item) => item.id === id)?.title;
  return (
    <Paper withBorder p="md">
      <Title order={2} mb="sm">
        Решения
      </Title>
      {runs ? <ProposeResolutionForm roundtable={roundtable} /> : null}
      {roundtable.resolutions.length ? (
        <List spacing="xs" aria-label="Решения">
          {roundtable.resolutions.map((resolution) => (
            <List.Item key={resolution.id}>
              <Group gap="xs">
                <Badge size="sm" variant="light">
                  {RESOLUTION_KIND[resolution.kind]}
                </Badge>
                <Badge size="sm" variant="outline" color="gray">
                  {RESOLUTION_STATUS[resolution.status]}
                </Badge>
              </Group>
              <Text>{resolution.text}</Text>
              {resolution.agendaItemIds.length ? (
                <Text size="sm" c="dimmed">
                  По вопросу: {resolution.agendaItemIds.map(questionOf).filter(Boolean).join('; ')}
                </Text>
              ) : null}
            </List.Item>
          ))}
        </List>
      ) : (
        <Text>Решений пока нет.</Text>
      )}
    </Paper>
  );
}

const PROPOSED_KINDS = Object.keys(RESOLUTION_KIND) as ResolutionKind[];

function ProposeResolutionForm({ roundtable }: { roundtable: Roundtable }) {
  const [kind, setKind] = useState<ResolutionKind>('RECOMMENDATION');
  const [question, setQuestion] = useState<string | null>(null);
  const [text, setText] = useState('');
  // A recommendation to a ministry (it becomes requests once adopted) or a question to a regulator.
  const [addressees, setAddressees] = useState<string[]>([]);
  const [{ fetching, error }, propose] = useMutation(ProposeResolutionMutation);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!text.trim()) return;
    const result = await propose({
      roundtableId: roundtable.id,
      expectedVersion: roundtable.version,
      input: {
        kind,
        text,
        ...(question ? { agendaItemId: question } : {}),
        ...(addressees.length ? { addresseeIds: addressees } : {}),
      },
    });
    if (result.data) {
      setText('');
      setAddressees([]);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} aria-label="Проект решения">
      <Stack gap="xs" mb="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label="Вид решения"
            data={PROPOSED_KINDS.map((value) => ({ value, label: RESOLUTION_KIND[value] }))}
            value={kind}
            onChange={(value) => value && setKind(value)}
            allowDeselect={false}
          />
          <Select
            label="По вопросу повестки"
            placeholder="Не выбран"
            data={roundtable.agenda.map((item) => ({ value: item.id, label: item.title }))}
            value={question}
            onChange={setQuestion}
            clearable
          />
        </SimpleGrid>
        <AddresseesSelect value={addressees} onChange={setAddressees} />
        <Textarea
          label="Текст решения"
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          autosize
          minRows={2}
        />
        <ApiErrorAlert error={error} />
        <Group>
          <Button type="submit" loading={fetching} disabled={!text.trim()}>
            Предложить решение
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The minutes as a document to download: the API writes them once the sitting concluded. */
function MinutesDocument({ id }: { id: string }) {
  const client = useClient();
  return (
    <Group mb="md">
      <DocumentDownload
        title="Протокол заседания"
        load={async (format) => {
          const { data, error } = await client
            .query(RoundtableMinutesFileQuery, { id, format }, { requestPolicy: 'network-only' })
            .toPromise();
          return { file: data?.roundtableMinutes.file, error };
        }}
      />
    </Group>
  );
}

function Participants({ roundtable }: { roundtable: Roundtable }) {
  const moderator = roundtable.moderator;
  return (
    <Paper withBorder p="md">
      <Title order={2} mb="sm">
        Участники
      </Title>
      {moderator ? (
        <Text mb="xs">
          Модератор: {moderator.__typename === 'Person' ? moderator.fullName : moderator.shortName}
        </Text>
      ) : null}
      {roundtable.participants.length ? (
        <Table.ScrollContainer minWidth={280}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Кто</Table.Th>
                <Table.Th>Роль</Table.Th>
                <Table.Th>Присутствие</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {roundtable.participants.map((participant) => (
                <Table.Tr key={participant.id}>
                  <Table.Td>
                    {participant.person?.fullName ?? participant.delegation?.description ?? ''}
                    {participant.organization ? (
                      <div>{participant.organization.shortName}</div>
                    ) : null}
                  </Table.Td>
                  <Table.Td>{PARTICIPANT_ROLE[participant.role]}</Table.Td>
                  <Table.Td>{ATTENDANCE[participant.attendance]}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : (
        <Text>Участники не зарегистрированы.</Text>
      )}
    </Paper>
  );
}

function MinutesList({ minutes, total }: { minutes: Minutes; total: number }) {
  return (
    <>
      <ApiErrorAlert error={minutes.error} />
      {minutes.lines.length ? (
        <ol aria-label="Протокол" aria-live="polite" style={{ paddingInlineStart: '1.5rem' }}>
          {minutes.lines.map((line) => (
            <li key={line.id} value={line.sequence} data-testid="statement">
              <Text size="sm" c="dimmed" component="span">
                {timeOfDay(line.occurredAt)}{' '}
                {line.speaker
                  ? line.speaker.__typename === 'Person'
                    ? line.speaker.fullName
                    : line.speaker.shortName
                  : ''}
              </Text>
              <Text>{line.text}</Text>
            </li>
          ))}
        </ol>
      ) : (
        <Text>В протоколе пока нет записей.</Text>
      )}
      {minutes.hasMore ? (
        <Button variant="default" onClick={minutes.loadMore}>
          Показать ещё (всего {total})
        </Button>
      ) : null}
    </>
  );
}

function RecordStatementForm({
  roundtable,
  minutes,
}: {
  roundtable: Roundtable;
  minutes: Minutes;
}) {
  const speakers = useMemo(() => speakerOptions(roundtable), [roundtable]);
  const [speaker, setSpeaker] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [{ fetching, error }, record] = useMutation(RecordStatementMutation);
  const input = speaker ? speakerInput(speaker) : undefined;

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!input || !text.trim()) return;
    const result = await record({ roundtableId: roundtable.id, input: { speaker: input, text } });
    if (result.data) {
      setText('');
      minutes.recorded(result.data.recordStatement);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} aria-label="Запись в протокол">
      <Stack gap="xs" mb="md">
        <Select
          label="Выступающий"
          placeholder="Выберите"
          data={speakers}
          value={speaker}
          onChange={setSpeaker}
          searchable
          nothingFoundMessage="Нет такого участника"
        />
        <Textarea
          label="Что сказано"
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          autosize
          minRows={2}
        />
        <ApiErrorAlert error={error} />
        <Group>
          <Button type="submit" loading={fetching} disabled={!input || !text.trim()}>
            Записать в протокол
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
