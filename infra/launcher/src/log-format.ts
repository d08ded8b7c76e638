const LEVELS: Record<number, string> = {
  10: 'TRACE',
  20: 'DEBUG',
  30: 'INFO',
  40: 'WARN',
  50: 'ERROR',
  60: 'FATAL',
};
const COLORS: Record<string, string> = {
  WARN: '\u001b[33m',
  ERROR: '\u001b[31m',
  FATAL: '\u001b[31m',
};
const RESET = '\u001b[0m';

/**
 * Turns a pino JSON line into one readable line: time, service, level, message and the few fields
 * worth seeing. Lines that are not JSON pass through.
 */
export function formatLogLine(service: string, line: string, color: boolean): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return `${service.padEnd(16)} ${line}`;
  }
  const level = LEVELS[Number(entry.level)] ?? 'INFO';
  const time = typeof entry.time === 'string' ? entry.time.slice(11, 23) : '';
  const {
    msg,
    level: _l,
    time: _t,
    service: _s,
    name: _n,
    pid: _p,
    hostname: _h,
    err,
    ...rest
  } = entry;
  const extras = Object.entries(rest)
    .filter(([, value]) => value !== undefined && typeof value !== 'object')
    .map(([key, value]) => `${key}=${String(value)}`)
    .join(' ');
  const error =
    err && typeof err === 'object' ? ` ${(err as { message?: string }).message ?? ''}` : '';
  const text = `${time} ${service.padEnd(16)} ${level.padEnd(5)} ${typeof msg === 'string' ? msg : JSON.stringify(msg ?? '')}${error}${extras ? `  ${extras}` : ''}`;
  const tint = color ? COLORS[level] : undefined;
  return tint ? `${tint}${text}${RESET}` : text;
}
