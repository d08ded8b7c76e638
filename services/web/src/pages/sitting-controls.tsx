import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useMutation } from 'urql';

import { ApiErrorAlert } from '../components/api-error';
import type { RoundtableStatus } from '../generated/graphql';
import { ConcludeRoundtableMutation, StartRoundtableMutation } from '../graphql/follow-up';

/**
 * The secretary (or an admin) opens a scheduled sitting and concludes a live one. Concluding adopts
 * the proposed resolutions and freezes them (the roundtables service), so it is asked twice.
 */
export function SittingControls({
  roundtable,
  done,
}: {
  roundtable: { id: string; version: number; status: RoundtableStatus };
  done: () => void;
}) {
  const [starting, start] = useMutation(StartRoundtableMutation);
  const [concluding, conclude] = useMutation(ConcludeRoundtableMutation);
  const [confirming, setConfirming] = useState(false);
  const target = { id: roundtable.id, expectedVersion: roundtable.version };

  if (roundtable.status !== 'SCHEDULED' && roundtable.status !== 'LIVE') return null;
  return (
    <Stack gap="xs">
      <ApiErrorAlert error={starting.error ?? concluding.error} />
      {roundtable.status === 'SCHEDULED' ? (
        <Group>
          <Button
            loading={starting.fetching}
            onClick={() => void start(target).then((result) => result.data && done())}
          >
            Начать заседание
          </Button>
        </Group>
      ) : null}
      {roundtable.status === 'LIVE' && !confirming ? (
        <Group>
          <Button variant="default" onClick={() => setConfirming(true)}>
            Завершить заседание
          </Button>
        </Group>
      ) : null}
      {roundtable.status === 'LIVE' && confirming ? (
        <Alert color="yellow" title="Завершить заседание?">
          <Text size="sm" mb="xs">
            Предложенные решения будут приняты и больше не изменятся; рекомендации из них появятся в
            разделе «Рекомендации». Протокол можно будет исправлять до его утверждения.
          </Text>
          <Group gap="xs">
            <Button
              loading={concluding.fetching}
              onClick={() =>
                void conclude(target).then((result) => {
                  if (result.data) {
                    setConfirming(false);
                    done();
                  }
                })
              }
            >
              Да, завершить
            </Button>
            <Button variant="default" onClick={() => setConfirming(false)}>
              Отмена
            </Button>
          </Group>
        </Alert>
      ) : null}
    </Stack>
  );
}
