import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import {
  mailEndpoints,
  mailProcess,
  readSettings,
  startMail,
  stopProcess,
  type StackSettings,
} from '@kollegia/local-stack';
import { createTransport } from 'nodemailer';

import { caughtMail, caughtMailSource } from './mail';
import { freePort } from './namespace';

/**
 * The local stack's mail catcher as a sender meets it: a real SMTP server (MailDev) on SMTP_URL that
 * takes a Russian message with a plain-text and an HTML part and shows it through its API
 * unchanged; and, on a catcher of its own, that what it caught outlives a restart.
 */
const subject = 'Запрос № 12/3-45 просрочен на 3 рабочих дня';
const text = 'Министерство не ответило в срок.\nОткрыть: http://127.0.0.1:4106/requests/1';
const html = '<p>Министерство не ответило в срок.</p>';
const recipient = () => `secretary-${randomBytes(4).toString('hex')}@example.org`;

function send(smtpUrl: string, to: string) {
  return createTransport(smtpUrl).sendMail({
    from: '"Коллегия" <kollegia@localhost>',
    to,
    subject,
    text,
    html,
  });
}

describe('the mail catcher of the local stack', () => {
  it('should take a message over SMTP and show it, both parts and the Cyrillic intact', async () => {
    const to = recipient();
    const sent = await send(process.env.SMTP_URL!, to);
    expect(sent.rejected).toEqual([]);

    const [message, ...others] = await caughtMail({ to });
    expect(others).toEqual([]);
    expect(message).toMatchObject({
      subject,
      from: [{ address: 'kollegia@localhost', name: 'Коллегия' }],
      to: [{ address: to }],
      html,
    });
    expect(message!.text?.trim()).toBe(text);
    const source = await caughtMailSource(message!.id);
    expect(source).toMatch(/Content-Type: multipart\/alternative/i);
    expect(source).toMatch(/Content-Type: text\/plain; charset=utf-8/i);
  });

  describe('restarted', () => {
    let settings: StackSettings;
    let stateDir: string;
    beforeAll(async () => {
      stateDir = mkdtempSync(join(tmpdir(), 'kollegia-mail-'));
      settings = readSettings({
        ...process.env,
        KOLLEGIA_STATE_DIR: stateDir,
        KOLLEGIA_SMTP_PORT: String(await freePort()),
        KOLLEGIA_MAIL_WEB_PORT: String(await freePort()),
        // Both empty: a catcher of this test's own, not the one the global setup exported.
        KAFKA_BROKERS: '',
        MONGO_URL: '',
      });
      await startMail(settings);
    });
    afterAll(async () => {
      if (settings) await stopProcess(mailProcess(settings));
      rmSync(stateDir, { recursive: true, force: true });
    });

    it('should keep what it caught', async () => {
      const { smtpUrl, webUrl } = mailEndpoints(settings);
      const to = recipient();
      await send(smtpUrl, to);
      expect((await caughtMail({ to, webUrl })).map((m) => m.subject)).toEqual([subject]);

      expect(await stopProcess(mailProcess(settings))).toBe(true);
      await expect(caughtMail({ webUrl })).rejects.toThrow();
      await startMail(settings);
      expect((await caughtMail({ to, webUrl })).map((m) => m.subject)).toEqual([subject]);
    });
  });
});
