import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export class GitError extends Error {
  override name = 'GitError';
}

async function git(repoRoot: string, args: string[]): Promise<string> {
  const { stdout } = await run('git', args, {
    cwd: repoRoot,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout;
}

/**
 * A file's content at `ref`, or undefined when the file is not in that commit. An unknown ref is an
 * error rather than "nothing to compare": a typo in `--base` must not pass the check silently.
 */
export async function showFileAtRef(
  repoRoot: string,
  ref: string,
  pathInRepo: string,
): Promise<string | undefined> {
  try {
    await git(repoRoot, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  } catch {
    throw new GitError(`git cannot resolve "${ref}" to a commit in ${repoRoot}`);
  }
  try {
    await git(repoRoot, ['cat-file', '-e', `${ref}:${pathInRepo}`]);
  } catch {
    return undefined;
  }
  return git(repoRoot, ['show', `${ref}:${pathInRepo}`]);
}
