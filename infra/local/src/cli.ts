#!/usr/bin/env node
import { down, reset, status, up } from './stack';
import { readSettings, StackError } from './settings';

const USAGE = `usage: kollegia-stack <up|down|status|reset>
  up      build what is missing (cached), start Kafka, the MongoDB-wire database and the mail
          catcher, wait until they answer
  down    stop them (data and mail are kept)
  status  show what runs and whether it answers
  reset   stop them and wipe their data`;

function say(line: string): void {
  process.stdout.write(`[stack] ${line}\n`);
}

async function main(command: string | undefined): Promise<number> {
  const settings = readSettings();
  switch (command) {
    case 'up': {
      const started = Date.now();
      const endpoints = await up(settings, say);
      const took = ((Date.now() - started) / 1000).toFixed(1);
      if (endpoints.external)
        say('KAFKA_BROKERS and MONGO_URL are set: using them, nothing started');
      say(`ready in ${took}s`);
      say(`KAFKA_BROKERS=${endpoints.kafkaBrokers.join(',')}`);
      say(`MONGO_URL=${endpoints.mongoUrl}`);
      if (endpoints.mail) {
        say(
          `SMTP_URL=${endpoints.mail.smtpUrl} (mail is caught, read it at ${endpoints.mail.webUrl})`,
        );
      }
      say(`data and logs: ${settings.stateDir}`);
      return 0;
    }
    case 'down': {
      const stopped = await down(settings);
      say(stopped.length ? `stopped ${stopped.join(', ')}` : 'nothing was running');
      return 0;
    }
    case 'status': {
      const components = await status(settings);
      for (const c of components) {
        const pid = c.pid ? `pid ${c.pid}` : settings.external ? 'external' : 'not running';
        say(
          `${c.name.padEnd(8)} ${c.endpoint.padEnd(28)} ${pid.padEnd(12)} ${c.answers ? 'answers' : `down (${c.error ?? ''})`}`,
        );
      }
      return components.every((c) => c.answers) ? 0 : 1;
    }
    case 'reset': {
      await reset(settings);
      say(`stopped and wiped ${settings.stateDir}`);
      return 0;
    }
    default:
      process.stderr.write(`${USAGE}\n`);
      return 2;
  }
}

main(process.argv[2]).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof StackError) {
      process.stderr.write(`[stack] ${error.message}\n`);
      if (error.hint) process.stderr.write(`[stack] hint: ${error.hint}\n`);
    } else {
      process.stderr.write(
        `[stack] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
    }
    process.exit(1);
  },
);
