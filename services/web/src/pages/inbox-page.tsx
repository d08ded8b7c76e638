import {
  Anchor,
  Badge,
  Button,
  Group,
  Loader,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useEffect, useState } from 'react';
import { useClient, useMutation, useQuery } from 'urql';

import type { Claims } from '../auth/claims';
import { ApiErrorAlert } from '../components/api-error';
import { DataTable } from '../components/data-table';
import { DocumentDownload } from '../components/document-download';
import { PagerButtons } from '../components/pager-buttons';
import type {
  AnswerOutcome,
  InboxControlItemsQuery as ControlItemsData,
  InboxRequestQuery as RequestData,
  RequestDeadlineStage,
} from '../generated/graphql';
import {
  AddresseeInboxSubscription,
  AnswerRequestMutation,
  InboxControlItemsQuery,
  InboxQuery,
  InboxRequestQuery,
  MarkControlItemDoneMutation,
  RegisterRequestMutation,
  ReportControlItemProgressMutation,
  RequestLetterFileQuery,
} from '../graphql/inbox';
import { byUrgency, daysLeftWords, todayIn, type InboxDeadline } from '../inbox';
import {
  ANSWER_OUTCOME,
  calendarDay,
  dateTime,
  DEADLINE_STAGE,
  REQUEST_KIND,
  REQUEST_STATUS,
} from '../labels';
import { currentAfter, firstPage, pageNumber, type Pager } from '../paging';
import { useFollow } from '../use-follow';
import { RouteLink } from '../components/route-link';

const PAGE_SIZE = 20;

type InboxRequest = NonNullable<RequestData['request']>;
type ControlItem = ControlItemsData['controlItems']['nodes'][number];

/**
 * The addressee's inbox: the requests sent to its organisation, the most urgent first, each to
 * register and answer; and the items under control its organisation answers for or controls.
 * Live: every change of the inbox (`addresseeInbox`) reloads what is shown.
 */
export function InboxPage({ claims }: { claims: Claims | undefined }) {
  const [pager, setPager] = useState<Pager>(firstPage);
  const [selected, setSelected] = useState<string>();
  const [{ data, error, fetching }, refetch] = useQuery({
    query: InboxQuery,
    variables: { first: PAGE_SIZE, after: currentAfter(pager) },
  });
  const [changes, setChanges] = useState(0);
  const live = useFollow(
    AddresseeInboxSubscription,
    {},
    'inbox',
    (event) => event.addresseeInbox,
    () => {
      refetch({ requestPolicy: 'network-only' });
      setChanges((n) => n + 1);
    },
  );
  const inbox = data?.inbox;

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>Входящие</Title>
        <Badge color={live.following ? 'green' : 'gray'} variant="dot">
          {live.following ? 'Обновляется сразу' : 'Не обновляется'}
        </Badge>
      </Group>
      <ApiErrorAlert error={live.error} />
      <Paper withBorder p="md">
        <Title order={2} mb="sm">
          Обращения
        </Title>
        <ApiErrorAlert error={error} />
        {fetching && !inbox ? <Loader size="sm" aria-label="Загрузка" /> : null}
        {inbox ? (
          <>
            <Text size="sm" c="dimmed" mb="xs">
              Всего: {inbox.totalCount}. На странице сначала просроченные, затем по остатку срока.
            </Text>
            {inbox.nodes.length ? (
              <DataTable
                headers={['Обращение', 'Состояние', 'Срок']}
                rows={byUrgency(inbox.nodes).map((request) => ({
                  key: request.id,
                  cells: [
                    <>
                      <Anchor
                        component="button"
                        type="button"
                        onClick={() => setSelected(request.id)}
                      >
                        {request.subject}
                      </Anchor>
                      <Text size="sm" c="dimmed">
                        {REQUEST_KIND[request.kind]} № {request.outgoingNumber}
                        {request.submittedAt ? ` от ${dateTime(request.submittedAt)}` : ''}
                      </Text>
                    </>,
                    REQUEST_STATUS[request.status],
                    <Deadline request={request} placeholder="—" />,
                  ],
                }))}
              />
            ) : (
              <Text>Обращений нет.</Text>
            )}
            <PagerButtons pager={pager} setPager={setPager} pageInfo={inbox.pageInfo} />
          </>
        ) : null}
      </Paper>
      {selected ? <RequestCard key={selected} id={selected} changes={changes} /> : null}
      <ControlItems organization={claims?.organization} />
    </Stack>
  );
}

/** The running deadline: the days left as the API counts them, and its last day. */
function Deadline({
  request,
  placeholder = null,
}: {
  request: InboxDeadline & { deadline?: { stage: RequestDeadlineStage; dueOn: string } | null };
  /** What stands in for it when no deadline runs (an answered request). */
  placeholder?: React.ReactNode;
}) {
  if (!request.deadline || request.daysRemaining === null || request.daysRemaining === undefined)
    return placeholder;
  return (
    <>
      {/* Colours that keep a 4.5:1 contrast: red for the overdue, yellow when three days or fewer. */}
      {request.overdue ? (
        <Badge color="red">{daysLeftWords(request)}</Badge>
      ) : (
        <Badge
          variant="light"
          {...(request.daysRemaining <= 3 ? { color: 'yellow', c: 'dark' } : {})}
        >
          {daysLeftWords(request)}
        </Badge>
      )}
      <Text size="sm">
        {DEADLINE_STAGE[request.deadline.stage]}: до {calendarDay(request.deadline.dueOn)}
      </Text>
    </>
  );
}

/** One request: the letter, and what the addressee does with it next (register, answer). */
function RequestCard({ id, changes }: { id: string; changes: number }) {
  const client = useClient();
  const [{ data, error, fetching }, refetch] = useQuery({
    query: InboxRequestQuery,
    variables: { id },
  });
  // The inbox changed (live): this request may be among what changed.
  useEffect(() => {
    if (changes) refetch({ requestPolicy: 'network-only' });
  }, [changes, refetch]);
  const request = data?.request;
  if (!request) {
    if (fetching) return <Loader aria-label="Загрузка" />;
    return error ? <ApiErrorAlert error={error} /> : <Text>Обращение не найдено.</Text>;
  }
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="request-title">
      <Title order={2} id="request-title">
        {request.subject}
      </Title>
      <Group gap="xs" my="xs">
        <Badge>{REQUEST_STATUS[request.status]}</Badge>
        <Text size="sm">
          {REQUEST_KIND[request.kind]} № {request.outgoingNumber}
          {request.submittedAt ? ` от ${dateTime(request.submittedAt)}` : ''}
        </Text>
      </Group>
      <Deadline request={request} />
      {request.incomingNumber && request.registeredOn ? (
        <Text size="sm">
          Зарегистрировано: вх. № {request.incomingNumber} от {calendarDay(request.registeredOn)}
        </Text>
      ) : null}
      <Text my="sm" style={{ whiteSpace: 'pre-line' }}>
        {request.body}
      </Text>
      <DocumentDownload
        title="Письмо"
        load={async (format) => {
          const result = await client
            .query(RequestLetterFileQuery, { id, format }, { requestPolicy: 'network-only' })
            .toPromise();
          return { file: result.data?.request?.letter.file, error: result.error };
        }}
      />
      {request.answer ? (
        <Paper withBorder p="sm" mt="sm">
          <Text fw={700}>
            Ответ: {ANSWER_OUTCOME[request.answer.outcome]}, {dateTime(request.answer.answeredAt)}
            {request.answer.onTime ? '' : ' (с нарушением срока)'}
          </Text>
          <Text style={{ whiteSpace: 'pre-line' }}>{request.answer.text}</Text>
        </Paper>
      ) : null}
      {request.status === 'SUBMITTED' ? <RegisterForm request={request} /> : null}
      {request.status === 'REGISTERED' ? <AnswerForm request={request} /> : null}
    </Paper>
  );
}

function RegisterForm({ request }: { request: InboxRequest }) {
  const [incomingNumber, setIncomingNumber] = useState('');
  const [registeredOn, setRegisteredOn] = useState<string | null>(
    todayIn(request.timeZone ?? 'Europe/Moscow'),
  );
  const [{ fetching, error }, register] = useMutation(RegisterRequestMutation);
  const ready = !!incomingNumber.trim() && !!registeredOn;
  return (
    <form
      aria-label="Регистрация обращения"
      onSubmit={(event) => {
        event.preventDefault();
        if (!ready) return;
        void register({
          id: request.id,
          expectedVersion: request.version,
          input: { incomingNumber: incomingNumber.trim(), registeredOn },
        });
      }}
    >
      <Title order={3} mt="md" mb="xs">
        Регистрация
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label="Входящий номер"
          value={incomingNumber}
          onChange={(event) => setIncomingNumber(event.currentTarget.value)}
        />
        <DateInput
          label="Дата регистрации"
          value={registeredOn}
          onChange={setRegisteredOn}
          valueFormat="D MMMM YYYY"
        />
      </SimpleGrid>
      <ApiErrorAlert error={error} />
      <Button type="submit" mt="sm" loading={fetching} disabled={!ready}>
        Зарегистрировать
      </Button>
    </form>
  );
}

const OUTCOMES = (Object.keys(ANSWER_OUTCOME) as AnswerOutcome[]).map((value) => ({
  value,
  label: ANSWER_OUTCOME[value],
}));

function AnswerForm({ request }: { request: InboxRequest }) {
  const [outcome, setOutcome] = useState<AnswerOutcome | null>(null);
  const [text, setText] = useState('');
  const [number, setNumber] = useState('');
  const [date, setDate] = useState<string | null>(todayIn(request.timeZone ?? 'Europe/Moscow'));
  const [{ fetching, error }, answer] = useMutation(AnswerRequestMutation);
  const ready = !!outcome && !!text.trim() && (!number.trim() || !!date);
  return (
    <form
      aria-label="Ответ на обращение"
      onSubmit={(event) => {
        event.preventDefault();
        if (!ready || !outcome) return;
        void answer({
          id: request.id,
          expectedVersion: request.version,
          input: {
            outcome,
            text,
            ...(number.trim() && date ? { document: { number: number.trim(), date } } : {}),
          },
        });
      }}
    >
      <Title order={3} mt="md" mb="xs">
        Ответ
      </Title>
      <Stack gap="xs">
        <Select
          label="Итог рассмотрения"
          placeholder="Выберите"
          data={OUTCOMES}
          value={outcome}
          onChange={setOutcome}
        />
        <Textarea
          label="Текст ответа"
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          autosize
          minRows={3}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label="Исходящий номер письма с ответом (если есть)"
            value={number}
            onChange={(event) => setNumber(event.currentTarget.value)}
          />
          <DateInput
            label="Дата письма"
            value={date}
            onChange={setDate}
            valueFormat="D MMMM YYYY"
          />
        </SimpleGrid>
        <ApiErrorAlert error={error} />
        <Group>
          <Button type="submit" loading={fetching} disabled={!ready}>
            Отправить ответ
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * The items under control the organisation answers for (it reports progress) or controls (it
 * marks them done), as the API shows them to an addressee.
 */
function ControlItems({ organization }: { organization: string | undefined }) {
  const [pager, setPager] = useState<Pager>(firstPage);
  const [{ data, error, fetching }] = useQuery({
    query: InboxControlItemsQuery,
    variables: { first: PAGE_SIZE, after: currentAfter(pager) },
  });
  const items = data?.controlItems;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="control-title">
      <Title order={2} mb="sm" id="control-title">
        На контроле
      </Title>
      <ApiErrorAlert error={error} />
      {fetching && !items ? <Loader size="sm" aria-label="Загрузка" /> : null}
      {items?.nodes.length ? (
        <Stack>
          {items.nodes.map((item) => (
            <ControlItemCard key={item.id} item={item} organization={organization} />
          ))}
        </Stack>
      ) : items ? (
        <Text>Поручений на контроле нет.</Text>
      ) : null}
      {items && (pageNumber(pager) > 1 || items.pageInfo.hasNextPage) ? (
        <PagerButtons pager={pager} setPager={setPager} pageInfo={items.pageInfo} />
      ) : null}
    </Paper>
  );
}

function ControlItemCard({
  item,
  organization,
}: {
  item: ControlItem;
  organization: string | undefined;
}) {
  const responsible = item.responsible;
  // The API's rule (recommendations README): the responsible side reports, the controller closes.
  const reports = responsible?.__typename === 'Organization' && responsible.id === organization;
  const controls = !!organization && item.controller?.id === organization;
  const last = item.progress.at(-1);
  return (
    <Paper withBorder p="sm">
      <Text>{item.text}</Text>
      <Group gap="xs" mt={4}>
        {item.dueDate ? (
          <Badge
            color={item.overdue ? 'red' : undefined}
            variant={item.overdue ? 'filled' : 'light'}
          >
            {item.overdue ? 'просрочено: ' : 'до '}
            {calendarDay(item.dueDate)}
          </Badge>
        ) : null}
        <RouteLink size="sm" route={{ page: 'roundtable', id: item.source.roundtable.id }}>
          {item.source.roundtable.title}
        </RouteLink>
        <Text size="sm" c="dimmed">
          {calendarDay(item.source.meetingDate)}
        </Text>
      </Group>
      {last ? (
        <Text size="sm" mt={4}>
          Последний отчёт ({dateTime(last.reportedAt)}
          {last.percent === null || last.percent === undefined ? '' : `, ${last.percent}%`}):{' '}
          {last.text}
        </Text>
      ) : null}
      {reports ? <ProgressForm item={item} /> : null}
      {controls ? <DoneForm item={item} /> : null}
    </Paper>
  );
}

function ProgressForm({ item }: { item: ControlItem }) {
  const [text, setText] = useState('');
  const [percent, setPercent] = useState<number | string>('');
  const [{ fetching, error }, report] = useMutation(ReportControlItemProgressMutation);
  return (
    <form
      aria-label="Отчёт о ходе исполнения"
      onSubmit={(event) => {
        event.preventDefault();
        if (!text.trim()) return;
        void report({
          id: item.id,
          expectedVersion: item.version,
          input: { text, ...(typeof percent === 'number' ? { percent } : {}) },
        }).then((result) => {
          if (!result.data) return;
          setText('');
          setPercent('');
        });
      }}
    >
      <Group align="end" gap="xs" mt="xs" wrap="wrap">
        <TextInput
          label="Ход исполнения"
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          style={{ flex: 1, minWidth: 200 }}
        />
        <NumberInput
          label="Выполнено, %"
          min={0}
          max={100}
          value={percent}
          onChange={setPercent}
          w={120}
        />
        <Button type="submit" loading={fetching} disabled={!text.trim()}>
          Сообщить
        </Button>
      </Group>
      <ApiErrorAlert error={error} />
    </form>
  );
}

function DoneForm({ item }: { item: ControlItem }) {
  const [note, setNote] = useState('');
  const [{ fetching, error }, markDone] = useMutation(MarkControlItemDoneMutation);
  return (
    <form
      aria-label="Снятие с контроля как выполненного"
      onSubmit={(event) => {
        event.preventDefault();
        void markDone({ id: item.id, expectedVersion: item.version, note: note.trim() || null });
      }}
    >
      <Group align="end" gap="xs" mt="xs" wrap="wrap">
        <TextInput
          label="Отметка о выполнении"
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
          style={{ flex: 1, minWidth: 200 }}
        />
        <Button type="submit" variant="default" loading={fetching}>
          Отметить выполненным
        </Button>
      </Group>
      <ApiErrorAlert error={error} />
    </form>
  );
}
