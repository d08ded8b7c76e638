/** The parts of an urql CombinedError the board reads. */
export interface ApiError {
  networkError?: Error | undefined;
  graphQLErrors: readonly { message: string; extensions?: Record<string, unknown> }[];
}

const BY_CODE: Record<string, string> = {
  UNAUTHENTICATED: 'Сеанс истёк или вход не выполнен. Войдите снова.',
  FORBIDDEN: 'Недостаточно прав для этого действия.',
  NOT_FOUND: 'Не найдено: запись удалена или недоступна вам.',
  BAD_USER_INPUT: 'Данные не приняты',
  CONFLICT: 'Запись уже изменилась: обновите страницу и повторите.',
  INTERNAL_SERVER_ERROR: 'Ошибка на сервере. Повторите позже.',
};

/**
 * An API error in words, in Russian. A refused input keeps the API's own message (it names the
 * field), after a Russian lead; anything else is said by its code.
 */
export function describeError(error: ApiError): string {
  if (error.networkError && !error.graphQLErrors.length)
    return 'Нет связи с сервером. Проверьте подключение и повторите.';
  const lines = error.graphQLErrors.map((entry) => {
    const code = typeof entry.extensions?.code === 'string' ? entry.extensions.code : '';
    const words = BY_CODE[code];
    if (code === 'BAD_USER_INPUT') return `${words}: ${entry.message}`;
    return words ?? `Запрос не выполнен: ${entry.message}`;
  });
  return [...new Set(lines)].join(' ');
}
