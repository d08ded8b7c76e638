import {
  Badge,
  Button,
  Group,
  List,
  Loader,
  NumberInput,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';

import type { Claims } from '../auth/claims';
import { ApiErrorAlert } from '../components/api-error';
import type {
  EndorseRecommendationMutationVariables,
  RecommendationPartyKind,
  RecommendationPartyNameFragment,
  RecommendationQuery as RecommendationData,
} from '../generated/graphql';
import { DirectoryOrganizationsQuery } from '../graphql/operations';
import {
  EndorseRecommendationMutation,
  RecommendationChangedSubscription,
  RecommendationQuery,
  ReportRecommendationProgressMutation,
  WithdrawRecommendationEndorsementMutation,
} from '../graphql/recommendations';
import { runsFollowUp, sendsRequests } from '../follow-up';
import { daysLeftWords } from '../inbox';
import {
  ANSWER_OUTCOME,
  calendarDay,
  dateTime,
  DEADLINE_STAGE,
  RECOMMENDATION_STATUS,
  REQUEST_STATUS,
  today,
} from '../labels';
import {
  endorsingAs,
  mayReportProgress,
  ownEndorsementAction,
  takesEndorsements,
  timelineWords,
  urgencyOf,
} from '../recommendations';
import { useFollow } from '../use-follow';
import { DecisionForms, SendRequests } from './recommendation-decisions';
import { partyName, UrgencyBadge } from './recommendation-parts';
import { RouteLink } from '../components/route-link';

type Recommendation = NonNullable<RecommendationData['recommendation']>;

/**
 * One recommendation's whole chain: where it came from, the requests sent about it and their
 * answers, progress reports, the outcome and its timeline, and who stands behind it. Live: any
 * change to it or its requests reloads the page's data.
 */
export function RecommendationPage({ id, claims }: { id: string; claims: Claims | undefined }) {
  const [{ data, error, fetching }, refetch] = useQuery({
    query: RecommendationQuery,
    variables: { id },
  });
  const reload = () => refetch({ requestPolicy: 'network-only' });
  // Any change to it or to a request made from it: the page's data is loaded again.
  const live = useFollow(
    RecommendationChangedSubscription,
    { id },
    id,
    (changed) => changed.recommendationChanged,
    reload,
  );
  const recommendation = data?.recommendation;

  if (!recommendation) {
    if (fetching) return <Loader aria-label="Загрузка" />;
    return error ? <ApiErrorAlert error={error} /> : <Text>Рекомендация не найдена.</Text>;
  }
  return (
    <Stack>
      <div>
        <Text size="sm" c="dimmed">
          {recommendation.code}
        </Text>
        <Title order={1}>{recommendation.title}</Title>
        <Group gap="xs" mt="xs">
          <Badge>{RECOMMENDATION_STATUS[recommendation.status]}</Badge>
          {recommendation.dueDate ? (
            <Text size="sm">Срок: {calendarDay(recommendation.dueDate)}</Text>
          ) : null}
          <UrgencyBadge urgency={urgencyOf(recommendation, today())} />
          <Badge color={live.following ? 'green' : 'gray'} variant="dot">
            {live.following ? 'Обновляется сразу' : 'Не обновляется'}
          </Badge>
        </Group>
      </div>
      <ApiErrorAlert error={error} />
      <ApiErrorAlert error={live.error} />
      <Source recommendation={recommendation} />
      {runsFollowUp(claims) && recommendation.status === 'PROPOSED' ? (
        <Section title="Решение ассоциации">
          <DecisionForms recommendation={recommendation} done={reload} />
        </Section>
      ) : null}
      <Requests
        recommendation={recommendation}
        sends={runsFollowUp(claims) && sendsRequests(recommendation.status)}
        done={reload}
      />
      <ProgressReports recommendation={recommendation} claims={claims} done={reload} />
      <Outcome recommendation={recommendation} />
      <Endorsements recommendation={recommendation} claims={claims} done={reload} />
    </Stack>
  );
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-label={title}>
      <Title order={2} mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

function Source({ recommendation }: { recommendation: Recommendation }) {
  const { source } = recommendation;
  const resolution = source.roundtable?.resolutions.find((r) => r.id === source.resolutionId);
  return (
    <Section title="Источник">
      <Stack gap="xs">
        {source.conference ? <Text>Конференция: {source.conference.title}</Text> : null}
        {source.roundtable ? (
          <Text>
            Заседание:{' '}
            <RouteLink route={{ page: 'roundtable', id: source.roundtable.id }}>
              {source.roundtable.title}
            </RouteLink>
            {`, ${dateTime(source.roundtable.startsAt)}`}
          </Text>
        ) : null}
        {source.meetingDate && !source.roundtable ? (
          <Text>Заседание {calendarDay(source.meetingDate)}</Text>
        ) : null}
        {resolution ? <Text>Решение заседания: «{resolution.text}»</Text> : null}
        {!source.conference && !source.roundtable ? <Text>Составлена вручную.</Text> : null}
        <Text>
          <strong>Рекомендовано:</strong> {recommendation.recommendedText}
        </Text>
        {recommendation.legalBasis ? <Text>Основание: {recommendation.legalBasis}</Text> : null}
        <Text>
          Адресаты:{' '}
          {recommendation.addressees.map((addressee) => addressee.shortName).join(', ') || '—'}
          {recommendation.responsible ? `; отвечает: ${partyName(recommendation.responsible)}` : ''}
        </Text>
      </Stack>
    </Section>
  );
}

function Requests({
  recommendation,
  sends,
  done,
}: {
  recommendation: Recommendation;
  sends: boolean;
  done: () => void;
}) {
  return (
    <Section title="Обращения и ответы">
      {recommendation.requests.length ? (
        <Table.ScrollContainer minWidth={640}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Адресат</Table.Th>
                <Table.Th>Исходящий №</Table.Th>
                <Table.Th>Статус</Table.Th>
                <Table.Th>Срок</Table.Th>
                <Table.Th>Ответ</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {recommendation.requests.map((request) => (
                <Table.Tr key={request.id} data-testid="request">
                  <Table.Td>{request.addressee?.shortName ?? 'скрыт'}</Table.Td>
                  <Table.Td>
                    {request.outgoingNumber ?? '—'}
                    {request.submittedAt ? <div>{dateTime(request.submittedAt)}</div> : null}
                    {request.incomingNumber ? <div>вх. {request.incomingNumber}</div> : null}
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={request.overdue ? 'red' : undefined}>
                      {REQUEST_STATUS[request.status]}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {request.deadline ? (
                      <>
                        <div>
                          {DEADLINE_STAGE[request.deadline.stage]}:{' '}
                          {calendarDay(request.deadline.dueOn)}
                        </div>
                        {request.dueAt ? <div>{daysLeftWords(request)}</div> : null}
                      </>
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                  <Table.Td>
                    {request.answer ? (
                      <>
                        <Text fw={600}>
                          {ANSWER_OUTCOME[request.answer.outcome]},{' '}
                          {dateTime(request.answer.answeredAt)}
                          {request.answer.onTime ? '' : ' (с опозданием)'}
                        </Text>
                        <Text size="sm">{request.answer.text}</Text>
                      </>
                    ) : request.withdrawalReason ? (
                      `Отозвано: ${request.withdrawalReason}`
                    ) : (
                      'ещё нет'
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : (
        <Text>Обращений не было.</Text>
      )}
      {sends ? <SendRequests recommendation={recommendation} done={done} /> : null}
    </Section>
  );
}

function ProgressReports({
  recommendation,
  claims,
  done,
}: {
  recommendation: Recommendation;
  claims: Claims | undefined;
  done: () => void;
}) {
  const reports = recommendation.progressReports;
  return (
    <Section title="Ход исполнения">
      {reports.nodes.length ? (
        <List spacing="xs" mb="sm">
          {reports.nodes.map((report) => (
            <List.Item key={report.id}>
              <Text size="sm" c="dimmed" component="span">
                {dateTime(report.reportedAt)}, {partyName(report.author)}, {report.percent}%
              </Text>
              <Text>{report.text}</Text>
            </List.Item>
          ))}
        </List>
      ) : (
        <Text mb="sm">Отчётов пока нет.</Text>
      )}
      {reports.totalCount > reports.nodes.length ? (
        <Text size="sm" mb="sm">
          Показаны первые {reports.nodes.length} из {reports.totalCount}.
        </Text>
      ) : null}
      {mayReportProgress(claims, recommendation) ? (
        <ReportProgressForm recommendation={recommendation} done={done} />
      ) : null}
    </Section>
  );
}

function ReportProgressForm({
  recommendation,
  done,
}: {
  recommendation: Recommendation;
  done: () => void;
}) {
  const [percent, setPercent] = useState<number | string>(
    recommendation.progressReports.nodes.at(-1)?.percent ?? 0,
  );
  const [text, setText] = useState('');
  const [{ fetching, error }, report] = useMutation(ReportRecommendationProgressMutation);
  const whole = typeof percent === 'number' ? percent : undefined;

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (whole === undefined || !text.trim()) return;
    const result = await report({
      id: recommendation.id,
      expectedVersion: recommendation.version,
      input: { percent: whole, text },
    });
    if (result.data) {
      setText('');
      done();
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} aria-label="Отчёт о ходе исполнения">
      <Stack gap="xs">
        <NumberInput
          label="Выполнено, %"
          value={percent}
          onChange={setPercent}
          min={0}
          max={100}
          allowDecimal={false}
          clampBehavior="strict"
          maw={160}
        />
        <Textarea
          label="Что сделано"
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          autosize
          minRows={2}
        />
        <ApiErrorAlert error={error} />
        <Group>
          <Button type="submit" loading={fetching} disabled={whole === undefined || !text.trim()}>
            Сообщить о ходе исполнения
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function Outcome({ recommendation }: { recommendation: Recommendation }) {
  const { decision, rejection, timeline } = recommendation;
  return (
    <Section title="Итог">
      <Stack gap="xs" mb="sm">
        <Text>
          <strong>{RECOMMENDATION_STATUS[recommendation.status]}</strong>
          {recommendation.lastProgressPercent !== null
            ? `, выполнено ${recommendation.lastProgressPercent}%`
            : ''}
        </Text>
        {decision ? (
          <Text>
            Принята {dateTime(decision.decidedAt)}
            {decision.decidedBy ? `, решение: ${partyName(decision.decidedBy)}` : ''}
            {decision.decidedText !== recommendation.recommendedText
              ? `. Принятый текст: «${decision.decidedText}»`
              : ''}
          </Text>
        ) : null}
        {recommendation.finishedAt ? (
          <Text>
            Исполнена {dateTime(recommendation.finishedAt)}
            {recommendation.implementationNote ? `: ${recommendation.implementationNote}` : ''}
          </Text>
        ) : null}
        {rejection ? (
          <Text>
            Отклонена {dateTime(rejection.decidedAt)}: {rejection.reason}
          </Text>
        ) : null}
        {recommendation.supersededAt ? (
          <Text>
            Заменена {dateTime(recommendation.supersededAt)}
            {recommendation.supersededBy ? (
              <>
                {' рекомендацией '}
                <RouteLink route={{ page: 'recommendation', id: recommendation.supersededBy.id }}>
                  {recommendation.supersededBy.code}
                </RouteLink>
              </>
            ) : null}
            {recommendation.supersessionReason ? `: ${recommendation.supersessionReason}` : ''}
          </Text>
        ) : null}
        {recommendation.withdrawnAt ? (
          <Text>
            Отозвана {dateTime(recommendation.withdrawnAt)}
            {recommendation.withdrawalReason ? `: ${recommendation.withdrawalReason}` : ''}
          </Text>
        ) : null}
      </Stack>
      <Title order={3} size="h4" mb="xs">
        Хронология
      </Title>
      <ol aria-label="Хронология" style={{ paddingInlineStart: '1.5rem', margin: 0 }}>
        {timeline.nodes.map((entry, index) => (
          <li key={entry.id}>
            <Text size="sm" component="span" c="dimmed">
              {dateTime(entry.occurredAt)}
            </Text>{' '}
            {timelineWords(entry)}
            {/* The status it moved to, when it moved. */}
            {entry.status !== timeline.nodes[index - 1]?.status
              ? ` → ${RECOMMENDATION_STATUS[entry.status]}`
              : ''}
          </li>
        ))}
      </ol>
      {timeline.totalCount > timeline.nodes.length ? (
        <Text size="sm">
          Показаны первые {timeline.nodes.length} из {timeline.totalCount}.
        </Text>
      ) : null}
    </Section>
  );
}

function Endorsements({
  recommendation,
  claims,
  done,
}: {
  recommendation: Recommendation;
  claims: Claims | undefined;
  done: () => void;
}) {
  const as = endorsingAs(claims);
  const [endorsing, endorse] = useMutation(EndorseRecommendationMutation);
  const [withdrawing, withdraw] = useMutation(WithdrawRecommendationEndorsementMutation);
  const run = async (
    mutate: (variables: EndorseRecommendationMutationVariables) => Promise<{ data?: unknown }>,
    party?: { kind: RecommendationPartyKind; id: string },
  ) => {
    const variables = { id: recommendation.id, expectedVersion: recommendation.version, party };
    const succeeded = !!(await mutate(variables)).data;
    if (succeeded) done();
    return succeeded;
  };
  const own =
    as === 'self' && claims
      ? ownEndorsementAction(claims, {
          status: recommendation.status,
          endorsements: recommendation.endorsements.map(({ party }) => ({
            party: { id: party.id },
          })),
        })
      : undefined;
  return (
    <Section title="Поддержка">
      {recommendation.endorsements.length ? (
        <List spacing="xs" mb="sm" aria-label="Кто поддержал">
          {recommendation.endorsements.map(({ party, endorsedAt, comment }) => (
            <List.Item key={party.id}>
              {partyName(party)}{' '}
              <Text size="sm" c="dimmed" component="span">
                {dateTime(endorsedAt)}
              </Text>{' '}
              {as === 'any-party' ? (
                <Button
                  size="compact-xs"
                  variant="default"
                  loading={withdrawing.fetching}
                  aria-label={`Отозвать поддержку: ${partyName(party)}`}
                  onClick={() => void run(withdraw, { kind: partyKindOf(party), id: party.id })}
                >
                  Отозвать
                </Button>
              ) : null}
              {comment ? <Text size="sm">{comment}</Text> : null}
            </List.Item>
          ))}
        </List>
      ) : (
        <Text mb="sm">Пока никто не поддержал.</Text>
      )}
      <ApiErrorAlert error={endorsing.error ?? withdrawing.error} />
      {as === 'any-party' && takesEndorsements(recommendation.status) ? (
        <EndorseForOrganization
          busy={endorsing.fetching}
          endorse={(id) => run(endorse, { kind: 'ORGANIZATION', id })}
        />
      ) : null}
      {own === 'endorse' ? (
        <Button loading={endorsing.fetching} onClick={() => void run(endorse)}>
          Поддержать
        </Button>
      ) : null}
      {own === 'withdraw' ? (
        <Button variant="default" loading={withdrawing.fetching} onClick={() => void run(withdraw)}>
          Отозвать поддержку
        </Button>
      ) : null}
    </Section>
  );
}

function partyKindOf(party: RecommendationPartyNameFragment): RecommendationPartyKind {
  return party.__typename === 'Person' ? 'PERSON' : 'ORGANIZATION';
}

/**
 * A secretary or an admin records that an organisation of the directory stands behind it (found
 * by the directory's word search).
 */
function EndorseForOrganization({
  busy,
  endorse,
}: {
  busy: boolean;
  endorse: (organizationId: string) => Promise<boolean>;
}) {
  const [search, setSearch] = useState('');
  const [text] = useDebouncedValue(search.trim(), 300);
  const [organization, setOrganization] = useState<string | null>(null);
  const [{ data, error }] = useQuery({
    query: DirectoryOrganizationsQuery,
    variables: { first: 20, text: text || null },
  });
  const options = (data?.organizations.nodes ?? []).map((node) => ({
    value: node.id,
    label: node.shortName ? `${node.shortName} — ${node.name}` : node.name,
  }));
  return (
    <form
      aria-label="Поддержка от имени организации"
      onSubmit={(event) => {
        event.preventDefault();
        if (!organization) return;
        void endorse(organization).then((succeeded) => {
          if (succeeded) setOrganization(null);
        });
      }}
    >
      <ApiErrorAlert error={error} />
      <Group align="end" gap="xs">
        <Select
          label="От имени организации"
          placeholder="Найдите организацию"
          data={options}
          value={organization}
          onChange={setOrganization}
          searchable
          searchValue={search}
          onSearchChange={setSearch}
          filter={({ options: all }) => all}
          nothingFoundMessage="Нет такой организации"
          miw={280}
        />
        <Button type="submit" loading={busy} disabled={!organization}>
          Поддержать
        </Button>
      </Group>
    </form>
  );
}
