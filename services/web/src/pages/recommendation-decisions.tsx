import {
  Button,
  Group,
  List,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';

import { ApiErrorAlert } from '../components/api-error';
import { decidedAtOf, unaskedAddressees } from '../follow-up';
import type { RecommendationQuery as RecommendationData, RequestKind } from '../generated/graphql';
import {
  AdoptRecommendationMutation,
  DecidingOrganizationsQuery,
  DraftRequestMutation,
  RejectRecommendationMutation,
  SubmitRequestMutation,
} from '../graphql/follow-up';
import { REQUEST_KIND, today } from '../labels';

type Recommendation = NonNullable<RecommendationData['recommendation']>;

/**
 * The association's decision on a proposed recommendation, as a secretary or an admin records it:
 * who decided (the association or one of its bodies), on which day, and either the text adopted
 * (the recommended one unless changed) or why it was rejected.
 */
export function DecisionForms({
  recommendation,
  done,
}: {
  recommendation: Recommendation;
  done: () => void;
}) {
  const [{ data, error: bodiesError }] = useQuery({ query: DecidingOrganizationsQuery });
  const bodies = (data?.organizations.nodes ?? []).map((node) => ({
    value: node.id,
    label: node.shortName ? `${node.shortName} — ${node.name}` : node.name,
  }));
  const [chosenBy, setDecidedBy] = useState<string | null>(null);
  // The association itself when the directory has one only.
  const decidedBy = chosenBy ?? (bodies.length === 1 ? bodies[0]!.value : null);
  const [day, setDay] = useState<string | null>(today());
  const [decidedText, setDecidedText] = useState('');
  const [reason, setReason] = useState('');
  const [adopting, adopt] = useMutation(AdoptRecommendationMutation);
  const [rejecting, reject] = useMutation(RejectRecommendationMutation);
  const common = () => {
    const decidedAt = decidedAtOf(day, today());
    return {
      decidedBy: { kind: 'ORGANIZATION' as const, id: decidedBy! },
      ...(decidedAt ? { decidedAt } : {}),
    };
  };
  const target = { id: recommendation.id, expectedVersion: recommendation.version };

  return (
    <Stack gap="xs">
      <ApiErrorAlert error={bodiesError} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label="Кем принято решение"
          placeholder="Ассоциация или её орган"
          data={bodies}
          value={decidedBy}
          onChange={setDecidedBy}
          searchable
          nothingFoundMessage="Нет такой организации"
        />
        <DateInput
          label="Дата решения"
          value={day}
          onChange={setDay}
          maxDate={today()}
          valueFormat="D MMMM YYYY"
        />
      </SimpleGrid>
      <Textarea
        label="Принятый текст, если он отличается от рекомендованного"
        value={decidedText}
        onChange={(event) => setDecidedText(event.currentTarget.value)}
        autosize
        minRows={2}
      />
      <ApiErrorAlert error={adopting.error} />
      <Group>
        <Button
          loading={adopting.fetching}
          disabled={!decidedBy}
          onClick={() =>
            void adopt({
              ...target,
              input: {
                ...common(),
                ...(decidedText.trim() ? { decidedText: decidedText.trim() } : {}),
              },
            }).then((result) => result.data && done())
          }
        >
          Принять рекомендацию
        </Button>
      </Group>
      <Textarea
        label="Причина отклонения"
        value={reason}
        onChange={(event) => setReason(event.currentTarget.value)}
        autosize
        minRows={1}
      />
      <ApiErrorAlert error={rejecting.error} />
      <Group>
        <Button
          variant="default"
          loading={rejecting.fetching}
          disabled={!decidedBy || !reason.trim()}
          onClick={() =>
            void reject({ ...target, input: { ...common(), reason: reason.trim() } }).then(
              (result) => result.data && done(),
            )
          }
        >
          Отклонить рекомендацию
        </Button>
      </Group>
    </Stack>
  );
}

const KINDS = (Object.keys(REQUEST_KIND) as RequestKind[]).map((value) => ({
  value,
  label: REQUEST_KIND[value],
}));

/**
 * Writing to the addressees of an adopted recommendation: a draft (the requests service drafts one
 * per addressee of an adopted appeal, proposal or question) is sent as it is, under the next
 * outgoing number the API gives; an addressee nobody has written to gets a letter written here,
 * drafted and sent at once.
 */
export function SendRequests({
  recommendation,
  done,
}: {
  recommendation: Recommendation;
  done: () => void;
}) {
  const [submitting, submit] = useMutation(SubmitRequestMutation);
  const drafts = recommendation.requests.filter((request) => request.status === 'DRAFT');
  const unasked = unaskedAddressees(recommendation.addressees, recommendation.requests);
  return (
    <Stack gap="xs" mt="md">
      <ApiErrorAlert error={submitting.error} />
      {drafts.length ? (
        <List spacing="xs" aria-label="Проекты обращений">
          {drafts.map((request) => {
            const addressee = request.addressee?.shortName ?? 'адресат скрыт';
            return (
              <List.Item key={request.id}>
                Проект обращения: {addressee}, «{request.subject}»{' '}
                <Button
                  size="compact-sm"
                  ml="xs"
                  loading={submitting.fetching}
                  aria-label={`Направить обращение: ${addressee}`}
                  onClick={() =>
                    void submit({ id: request.id, expectedVersion: request.version }).then(
                      (result) => result.data && done(),
                    )
                  }
                >
                  Направить
                </Button>
              </List.Item>
            );
          })}
        </List>
      ) : null}
      {unasked.length ? (
        <NewRequestForm recommendation={recommendation} addressees={unasked} done={done} />
      ) : null}
    </Stack>
  );
}

function NewRequestForm({
  recommendation,
  addressees,
  done,
}: {
  recommendation: Recommendation;
  addressees: { id: string; shortName: string }[];
  done: () => void;
}) {
  const [addressee, setAddressee] = useState<string | null>(addressees[0]?.id ?? null);
  const [kind, setKind] = useState<RequestKind>('PROPOSAL');
  const [subject, setSubject] = useState(recommendation.title);
  const [body, setBody] = useState(
    recommendation.decision?.decidedText ?? recommendation.recommendedText,
  );
  const [drafting, draft] = useMutation(DraftRequestMutation);
  const [submitting, submit] = useMutation(SubmitRequestMutation);
  const ready = !!addressee && !!subject.trim() && !!body.trim();

  const send = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!ready) return;
    const drafted = await draft({
      input: {
        addresseeId: addressee,
        kind,
        subject: subject.trim(),
        body: body.trim(),
        recommendationId: recommendation.id,
      },
    });
    const request = drafted.data?.draftRequest;
    if (!request) return;
    // A draft the sending refused stays: it is listed above, to be sent again.
    const sent = await submit({ id: request.id, expectedVersion: request.version });
    if (sent.data) done();
  };

  return (
    <form onSubmit={(event) => void send(event)} aria-label="Новое обращение">
      <Title order={3} size="h4" mb="xs">
        Новое обращение
      </Title>
      <Stack gap="xs">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label="Кому"
            data={addressees.map(({ id, shortName }) => ({ value: id, label: shortName }))}
            value={addressee}
            onChange={setAddressee}
            allowDeselect={false}
          />
          <Select
            label="Вид обращения"
            data={KINDS}
            value={kind}
            onChange={(value) => value && setKind(value)}
            allowDeselect={false}
          />
        </SimpleGrid>
        <TextInput
          label="Тема письма"
          value={subject}
          onChange={(event) => setSubject(event.currentTarget.value)}
          maxLength={500}
        />
        <Textarea
          label="Текст письма"
          value={body}
          onChange={(event) => setBody(event.currentTarget.value)}
          autosize
          minRows={3}
          maxLength={8000}
        />
        <ApiErrorAlert error={drafting.error ?? submitting.error} />
        <Text size="sm" c="dimmed">
          Исходящий номер присвоит система при отправке.
        </Text>
        <Group>
          <Button
            type="submit"
            loading={drafting.fetching || submitting.fetching}
            disabled={!ready}
          >
            Направить обращение
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
