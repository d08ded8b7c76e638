import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

import type { FromSubscribers, Receipt, Subscriber, ToSubscribers } from './subscriber-protocol';

/**
 * Raises the soft descriptor limit to the hard one (one socket is one descriptor; 10,000 of them
 * are more than a process gets by default), then becomes the Node process with the limits it got.
 */
const RAISE_AND_EXEC = [
  'ulimit -Sn "$(ulimit -Hn)" 2>/dev/null',
  'BENCH_DESCRIPTORS="$(ulimit -Sn)/$(ulimit -Hn)" exec "$0" "$@"',
].join('; ');

/** This process's descriptor limits, soft/hard, as a shell it starts inherits them. */
export function ownDescriptors(): { soft: number; text: string } {
  const text = execFileSync('sh', ['-c', 'echo "$(ulimit -Sn)/$(ulimit -Hn)"'], {
    encoding: 'utf8',
  }).trim();
  const soft = text.split('/')[0]!;
  return { soft: soft === 'unlimited' ? Infinity : Number(soft), text };
}

type Reply = Exclude<FromSubscribers, { type: 'progress' | 'failed' }>;

interface Child {
  process: ChildProcess;
  /** The answers awaited, in the order the commands were sent (each child does one at a time). */
  pending: { type: Reply['type']; resolve: (reply: Reply) => void; reject: (e: Error) => void }[];
}

export interface Report {
  receipts: Receipt[];
  errors: [number, string][];
  closed: [number, number][];
  /** Each subscriber process's resident set size, bytes. */
  rss: number[];
}

/**
 * The bench's side of the subscriber processes (`live-subscribers.ts`): subscriber `i` lives in
 * process `i % count`; `heard` and `errors` add up their progress as it comes.
 */
export class SubscriberProcesses {
  /** Receipts of each statement text so far, over all processes. */
  readonly heard = new Map<string, number>();
  /** Subscriptions that ended in an error so far. */
  errors = 0;
  private readonly waiters = new Set<() => void>();

  /** Each process's descriptor limits, soft/hard. */
  descriptors: string[] = [];

  private constructor(private readonly children: Child[]) {}

  static async spawn(count: number): Promise<SubscriberProcesses> {
    const script = join(__dirname, 'live-subscribers.js');
    const children = Array.from({ length: count }, (): Child => ({
      process: spawn('sh', ['-c', RAISE_AND_EXEC, process.execPath, script], {
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      }),
      pending: [],
    }));
    const processes = new SubscriberProcesses(children);
    const ready = children.map(
      (child) =>
        new Promise<Reply>((resolve, reject) =>
          child.pending.push({ type: 'ready', resolve, reject }),
        ),
    );
    for (const child of children) processes.listen(child);
    processes.descriptors = (await Promise.all(ready)).map(
      (reply) => (reply as Extract<Reply, { type: 'ready' }>).descriptors,
    );
    return processes;
  }

  private listen(child: Child): void {
    child.process.on('message', (message: FromSubscribers) => {
      if (message.type === 'progress') {
        for (const [text, count] of Object.entries(message.heard))
          this.heard.set(text, (this.heard.get(text) ?? 0) + count);
        this.errors += message.errors;
        for (const check of this.waiters) check();
        return;
      }
      const waiting = child.pending.shift();
      if (!waiting) return;
      if (message.type === 'failed') waiting.reject(new Error(message.message));
      else if (message.type !== waiting.type)
        waiting.reject(new Error(`expected ${waiting.type}, got ${message.type}`));
      else waiting.resolve(message);
    });
    child.process.on('exit', (code, signal) => {
      for (const waiting of child.pending.splice(0))
        waiting.reject(new Error(`a subscriber process exited (${code ?? signal})`));
    });
  }

  private ask(child: Child, message: ToSubscribers, type: Reply['type']): Promise<Reply> {
    return new Promise<Reply>((resolve, reject) => {
      child.pending.push({ type, resolve, reject });
      child.process.send(message);
    });
  }

  /** Whether `condition` holds, checked on every progress, within `timeoutMs`. */
  until(condition: () => boolean, timeoutMs: number): Promise<boolean> {
    return new Promise<boolean>((resolve) => {
      if (condition()) return resolve(true);
      const check = () => {
        if (!condition()) return;
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve(true);
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        resolve(false);
      }, timeoutMs);
      this.waiters.add(check);
    });
  }

  /** Connects and subscribes everyone, `batch` connections at a time per process. */
  async subscribe(url: string, query: string, subscribers: Subscriber[], batch: number) {
    await Promise.all(
      this.children.map((child, i) =>
        this.ask(
          child,
          {
            type: 'subscribe',
            url,
            query,
            subscribers: subscribers.filter((one) => one.index % this.children.length === i),
            batch,
          },
          'connected',
        ),
      ),
    );
  }

  async report(): Promise<Report> {
    const replies = (await Promise.all(
      this.children.map((child) => this.ask(child, { type: 'report' }, 'report')),
    )) as Extract<FromSubscribers, { type: 'report' }>[];
    return {
      receipts: replies.flatMap((reply) => reply.receipts),
      errors: replies.flatMap((reply) => reply.errors),
      closed: replies.flatMap((reply) => reply.closed),
      rss: replies.map((reply) => reply.rss),
    };
  }

  /** Closes every subscriber's socket and forgets the level. */
  async close(): Promise<void> {
    await Promise.all(this.children.map((child) => this.ask(child, { type: 'close' }, 'closed')));
    this.heard.clear();
    this.errors = 0;
  }

  kill(): void {
    for (const child of this.children) child.process.kill();
  }
}
