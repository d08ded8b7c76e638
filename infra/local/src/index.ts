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
  FERRETDB_VERSION,
} from './settings';
export { assertPortFree } from './process';
