import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { showFileAtRef } from './git';

const run = promisify(execFile);

describe('showFileAtRef', () => {
  let repo: string;

  async function git(...args: string[]): Promise<void> {
    await run('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.org', ...args], {
      cwd: repo,
    });
  }

  beforeAll(async () => {
    repo = await mkdtemp(path.join(tmpdir(), 'supergraph-git-'));
    await git('init', '--quiet');
    await writeFile(path.join(repo, 'api.graphql'), 'type Query { old: String }\n');
    await git('add', 'api.graphql');
    await git('commit', '--quiet', '-m', 'api');
    await writeFile(path.join(repo, 'api.graphql'), 'type Query { new: String }\n');
  });

  afterAll(async () => {
    await rm(repo, { recursive: true, force: true });
  });

  it('should return the committed content, not the working copy, when the file is at the ref', async () => {
    expect(await showFileAtRef(repo, 'HEAD', 'api.graphql')).toBe('type Query { old: String }\n');
  });

  it('should return undefined when the file is not in the commit', async () => {
    expect(await showFileAtRef(repo, 'HEAD', 'infra/supergraph/api.graphql')).toBeUndefined();
  });

  it('should throw when the ref is not a commit, so a typo in --base cannot pass the check', async () => {
    await expect(showFileAtRef(repo, 'no-such-branch', 'api.graphql')).rejects.toThrow(
      'git cannot resolve "no-such-branch" to a commit',
    );
  });
});
