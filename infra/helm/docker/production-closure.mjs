// Narrows the output of `turbo prune --docker` (its json/ folder: the workspaces' manifests and the
// lockfile) to what one service needs at run time, so its image installs no dev dependency.
//
// turbo prune keeps every workspace the service depends on, dev dependencies included: the
// services' test helpers (@kollegia/testing, @kollegia/local-stack) and, for the gateway, the four
// subgraphs it is tested against. From the lockfile's root those are workspaces like any other, so
// `npm ci --omit=dev` would install their production dependencies too. This keeps the workspaces
// reachable from the service through `dependencies` alone, drops every devDependencies list (the
// image's install omits them anyway), and leaves the lockfile's pinned versions untouched; npm ci
// then installs exactly the production closure.
//
// Usage (the Dockerfile's prune stage): node infra/helm/docker/production-closure.mjs /production @kollegia/members
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [dir, service] = process.argv.slice(2);
if (!dir || !service) {
  console.error('usage: node production-closure.mjs <turbo prune json dir> <workspace name>');
  process.exit(2);
}

const readJson = (file) => JSON.parse(readFileSync(join(dir, file), 'utf8'));
const writeJson = (file, value) =>
  writeFileSync(join(dir, file), `${JSON.stringify(value, null, 2)}\n`);

const lock = readJson('package-lock.json');
/** Workspace name → its folder, as the lockfile lists them (keys outside node_modules). */
const workspaces = new Map(
  Object.entries(lock.packages)
    .filter(([path, entry]) => path !== '' && !path.includes('node_modules') && entry.name)
    .map(([path, entry]) => [entry.name, path]),
);
if (!workspaces.has(service)) {
  console.error(`${service} is not a workspace of ${dir}`);
  process.exit(2);
}

const kept = new Set();
const pending = [service];
while (pending.length > 0) {
  const name = pending.pop();
  if (kept.has(name)) continue;
  kept.add(name);
  const manifest = readJson(join(workspaces.get(name), 'package.json'));
  for (const dependency of Object.keys({
    ...manifest.dependencies,
    ...manifest.optionalDependencies,
  })) {
    if (workspaces.has(dependency)) pending.push(dependency);
  }
}

for (const [name, path] of workspaces) {
  if (kept.has(name)) {
    const manifest = readJson(join(path, 'package.json'));
    delete manifest.devDependencies;
    writeJson(join(path, 'package.json'), manifest);
    delete lock.packages[path].devDependencies;
  } else {
    rmSync(join(dir, path), { recursive: true, force: true });
    delete lock.packages[path];
    delete lock.packages[`node_modules/${name}`];
  }
}
const root = readJson('package.json');
delete root.devDependencies;
root.workspaces = [...kept].map((name) => workspaces.get(name));
writeJson('package.json', root);
delete lock.packages[''].devDependencies;
lock.packages[''].workspaces = root.workspaces;
writeJson('package-lock.json', lock);

console.log(`production closure of ${service}: ${[...kept].sort().join(', ')}`);
