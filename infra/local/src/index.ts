export {
  up,
  down,
  reset,
  status,
  stopKafka,
  type StackEndpoints,
  type ComponentStatus,
} from './stack';
export {
  readSettings,
  recipeDigest,
  runCommand,
  StackError,
  type StackSettings,
  KAFKA_VERSION,
  MONGO_SERVER_VERSION,
} from './settings';
export { assertPortFree } from './process';
// For the other tools built once and cached the same way (infra/helm).
export { requireTool, runLogged, tail } from './exec';
export { withLock } from './lock';
export { ensureGoBuild, type GoBuildRecipe } from './go-build';
export { ensureMongoBuild, type MongoBuild } from './build';
export { startMongo, mongoProcess, mongoUrl } from './mongo';
export { mailEndpoints, mailProcess, startMail, type MailEndpoints } from './mail';
export { stopProcess, runningPid } from './process';
export { backupDatabases, type BackupOptions } from './backup/backup';
export { restoreBackup, type RestoreOptions } from './backup/restore';
export { replayConsumerGroups, type ReplayOptions } from './backup/replay';
export {
  BackupError,
  collectionFile,
  MANIFEST_FILE,
  readVerifiedManifest,
  type BackupManifest,
} from './backup/manifest';
