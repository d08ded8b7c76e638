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
  Title,
} from '@mantine/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useClient, useMutation, useQuery, type CombinedError } from 'urql';

import { useAuth } from '../auth/auth-context';
import { mayRecordMinutes, type Claims } from '../auth/claims';
import { ApiErrorAlert } from '../components/api-error';
import type { RoundtableQuery as RoundtableData } from '../generated/graphql';
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
  ROUNDTABLE_STATUS,
  timeOfDay,
} from '../labels';
import { shouldFollowAgain } from '../live';
import { speakerInput, speakerOptions } from '../speakers';
import { useMinutes, type Minutes } from './use-minutes';

type Roundtable = NonNullable<RoundtableData['roundtable']>;

/**
 * A sitting: its agenda, who is at the table and the minutes as they are recorded, live. The
 * secretary (and an admin) gets the form that records a statement.
 */
export function RoundtablePage({ id, claims }: { id: string; claims: Claims | undefined }) {
  const [{ data, error, fetching }, refetch] = useQuery({
    query: RoundtableQuery,
    variables: { id },
  });
  const minutes = useMinutes(id);
  const live = useLive(id, minutes, () => refetch({ requestPolicy: 'network-only' }));
  const roundtable = data?.roundtable;

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
        {roundtable.conference ? <Text size="sm">{roundtable.conference.title}</Text> : null}
      </div>
      <ApiErrorAlert error={error} />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Agenda roundtable={roundtable} />
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
        {mayRecordMinutes(claims) && roundtable.status === 'LIVE' ? (
          <RecordStatementForm roundtable={roundtable} minutes={minutes} />
        ) : null}
        <MinutesList minutes={minutes} total={roundtable.statementCount} />
      </Paper>
    </Stack>
  );
}

/**
 * Follows the round table's events: new lines are fetched, other changes reload the page's data.
 * When the gateway closes the socket at its token's expiry, it follows again with the renewed token
 * from the last event it got, so nothing is missed.
 */
function useLive(id: string, minutes: Minutes, changed: () => void) {
  const client = useClient();
  const { accessToken } = useAuth();
  const [state, setState] = useState<{ following: boolean; error?: CombinedError }>({
    following: false,
  });
  const [attempt, setAttempt] = useState(0);
  const cursor = useRef<string | undefined>(undefined);
  // The handlers change every render; the subscription stays the same while the page shows one id.
  const handlers = useRef({ recorded: minutes.recorded, reload: minutes.reload, changed });
  useEffect(() => {
    handlers.current = { recorded: minutes.recorded, reload: minutes.reload, changed };
  });
  useEffect(() => {
    setState({ following: true });
    const token = accessToken();
    const subscription = client
      .subscription(RoundtableLiveSubscription, { id, after: cursor.current })
      .subscribe((result) => {
        if (result.error) {
          if (shouldFollowAgain(result.error, token, accessToken())) setAttempt((n) => n + 1);
          else setState({ following: false, error: result.error });
          return;
        }
        const event = result.data?.roundtableLive;
        if (!event) return;
        cursor.current = event.cursor;
        if (event.type === 'STATEMENT_RECORDED') handlers.current.recorded();
        else if (event.type === 'STATEMENT_CORRECTED' || event.type === 'REDATED')
          handlers.current.reload();
        else handlers.current.changed();
      });
    return () => subscription.unsubscribe();
  }, [client, id, accessToken, attempt]);
  return state;
}

function Agenda({ roundtable }: { roundtable: Roundtable }) {
  return (
    <Paper withBorder p="md">
      <Title order={2} mb="sm">
        Повестка
      </Title>
      {roundtable.agenda.length ? (
        <List type="ordered" spacing="xs">
          {roundtable.agenda.map((item) => (
            <List.Item key={item.id}>
              {item.title}{' '}
              <Badge
                size="sm"
                variant="light"
                color={item.status === 'IN_DISCUSSION' ? 'green' : 'gray'}
              >
                {AGENDA_STATUS[item.status]}
              </Badge>
              {item.result ? <Text size="sm">Итог: {item.result}</Text> : null}
            </List.Item>
          ))}
        </List>
      ) : (
        <Text>Повестка не задана.</Text>
      )}
    </Paper>
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
