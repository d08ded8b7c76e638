/** A message the local mail catcher (MailDev) received, as its API gives it. */
export interface CaughtMail {
  id: string;
  subject: string;
  from: { address: string; name: string }[];
  to: { address: string; name: string }[];
  /** The plain-text part, when the message has one. */
  text?: string;
  /** The HTML part, when the message has one. */
  html?: string;
  headers: Record<string, string>;
  date: string;
}

/** The mail catcher's address, set by the global setup when the local stack runs it. */
export function mailWebUrl(): string {
  const url = process.env.KOLLEGIA_MAIL_WEB_URL;
  if (!url) {
    throw new Error(
      'KOLLEGIA_MAIL_WEB_URL is not set: mail is caught by the local stack only (run the tests without KAFKA_BROKERS and MONGO_URL)',
    );
  }
  return url;
}

/**
 * What the mail catcher holds, oldest first; with `to`, only the messages to that address. The
 * stack's catcher unless given another's `webUrl`.
 */
export async function caughtMail(
  options: { to?: string; webUrl?: string } = {},
): Promise<CaughtMail[]> {
  const response = await fetch(new URL('api/email', options.webUrl ?? mailWebUrl()));
  if (!response.ok) throw new Error(`the mail catcher answered ${response.status}`);
  const messages = (await response.json()) as CaughtMail[];
  const to = options.to?.toLowerCase();
  return to
    ? messages.filter((m) => m.to.some((recipient) => recipient.address.toLowerCase() === to))
    : messages;
}

/** The raw message (RFC 5322) as it was received. */
export async function caughtMailSource(id: string): Promise<string> {
  const response = await fetch(new URL(`api/email/${encodeURIComponent(id)}/source`, mailWebUrl()));
  if (!response.ok) throw new Error(`the mail catcher answered ${response.status} for ${id}`);
  return response.text();
}
