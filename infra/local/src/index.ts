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
  StackError,
  type StackSettings,
  KAFKA_VERSION,
  MONGO_SERVER_VERSION,
} from './settings';
export { assertPortFree } from './process';
export { ensureMongoBuild, type MongoBuild } from './build';
export { startMongo, mongoProcess, mongoUrl } from './mongo';
export { stopProcess, runningPid } from './process';
