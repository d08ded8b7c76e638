import { Alert } from '@mantine/core';

import { describeError, type ApiError } from '../errors';

/** An API error in words, announced to screen readers. */
export function ApiErrorAlert({ error }: { error: ApiError | undefined }) {
  if (!error) return null;
  return (
    <Alert color="red" title="Ошибка" role="alert">
      {describeError(error)}
    </Alert>
  );
}
