import { Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import type { CombinedError } from 'urql';

import type { DocumentFormat } from '../generated/graphql';
import { saveFile, type DeliveredFile } from '../documents';
import { ApiErrorAlert } from './api-error';

const FORMATS: { format: DocumentFormat; label: string }[] = [
  { format: 'PDF', label: 'PDF' },
  { format: 'DOCX', label: 'Word (DOCX)' },
];

/**
 * A document the API generates on request, to download as PDF or DOCX: the file is asked for
 * only when a button is pressed (its bytes come inline, base64) and saved from a Blob URL.
 */
export function DocumentDownload({
  title,
  load,
}: {
  title: string;
  load: (
    format: DocumentFormat,
  ) => Promise<{ file?: DeliveredFile | undefined; error?: CombinedError | undefined }>;
}) {
  const [loading, setLoading] = useState<DocumentFormat>();
  const [error, setError] = useState<CombinedError>();
  const download = async (format: DocumentFormat) => {
    setLoading(format);
    const result = await load(format);
    setLoading(undefined);
    setError(result.error);
    if (result.file) saveFile(result.file);
  };
  return (
    <div>
      <Group gap="xs" wrap="wrap">
        <Text>{title}</Text>
        {FORMATS.map(({ format, label }) => (
          <Button
            key={format}
            size="xs"
            variant="default"
            loading={loading === format}
            aria-label={`Скачать «${title}» в ${label}`}
            onClick={() => void download(format)}
          >
            {label}
          </Button>
        ))}
      </Group>
      <ApiErrorAlert error={error} />
    </div>
  );
}
