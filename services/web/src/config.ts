/** What the board is told at run time by its server (`/config.json`): one build for anywhere. */
export interface BoardConfig {
  oidcIssuer: string;
  oidcClientId: string;
  graphqlUrl: string;
  graphqlWsUrl: string;
  /** The association's time zone (IANA): dates and times are shown in it. */
  timeZone: string;
}

const FIELDS = ['oidcIssuer', 'oidcClientId', 'graphqlUrl', 'graphqlWsUrl', 'timeZone'] as const;

/** Checks the served settings; a missing or malformed one is named (in Russian, for the page). */
export function parseBoardConfig(json: unknown): BoardConfig {
  const source = (typeof json === 'object' && json !== null ? json : {}) as Record<string, unknown>;
  const bad = FIELDS.filter((field) => typeof source[field] !== 'string' || !source[field]);
  if (bad.length) throw new Error(`Настройки доски неполны: нет ${bad.join(', ')}.`);
  const config = Object.fromEntries(
    FIELDS.map((field) => [field, source[field]]),
  ) as unknown as BoardConfig;
  for (const field of ['oidcIssuer', 'graphqlUrl', 'graphqlWsUrl'] as const) {
    if (!URL.canParse(config[field])) throw new Error(`Настройки доски: ${field} — не адрес.`);
  }
  try {
    new Intl.DateTimeFormat('ru-RU', { timeZone: config.timeZone });
  } catch {
    throw new Error(`Настройки доски: timeZone — не часовой пояс.`);
  }
  return config;
}

export async function loadBoardConfig(): Promise<BoardConfig> {
  const response = await fetch('/config.json', { cache: 'no-store' });
  if (!response.ok) throw new Error(`Настройки доски не получены (${response.status}).`);
  return parseBoardConfig(await response.json());
}
