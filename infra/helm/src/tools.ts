import { join, resolve } from 'node:path';

import { ensureGoBuild, recipeDigest, type StackSettings } from '@kollegia/local-stack';

/** The Helm release built from the Go module proxy; bumping it builds a new cache entry. */
export const HELM_VERSION = '4.3.2';

/** infra/helm in the repository: the chart and the validator's Go module. */
export const helmDir = resolve(__dirname, '..');
const VALIDATOR_SOURCES = ['validate/go.mod', 'validate/go.sum', 'validate/main.go'];

export function helmBuildDir(settings: StackSettings): string {
  return join(settings.cacheDir, `helm-v${HELM_VERSION}`);
}

export function validatorBuildDir(settings: StackSettings): string {
  return join(settings.cacheDir, `helm-validate-${recipeDigest(VALIDATOR_SOURCES, helmDir)}`);
}

/** Builds Helm once (`go install helm.sh/helm/v4/cmd/helm`) into the cache; returns the binary. */
export function ensureHelm(settings: StackSettings, log: (line: string) => void): Promise<string> {
  return ensureGoBuild(settings, log, {
    dir: helmBuildDir(settings),
    binary: 'helm',
    what: `Helm v${HELM_VERSION}`,
    build: (bin) => ({
      cwd: helmDir,
      args: ['install', `helm.sh/helm/v4/cmd/helm@v${HELM_VERSION}`],
      env: { GOBIN: bin },
    }),
  });
}

/** Builds the manifest validator (infra/helm/validate) once per version of its sources. */
export function ensureValidator(
  settings: StackSettings,
  log: (line: string) => void,
): Promise<string> {
  return ensureGoBuild(settings, log, {
    dir: validatorBuildDir(settings),
    binary: 'validate',
    what: 'the manifest validator',
    build: (bin) => ({
      cwd: join(helmDir, 'validate'),
      args: ['build', '-mod=readonly', '-o', join(bin, 'validate'), '.'],
      env: {},
    }),
  });
}
