export { loadDemo, DemoLoadError, type DemoSummary, type LoadDemoOptions } from './load';
export type { TokenSource } from './api';
export { demoWorkspace, demoResolutions, type DemoWorkspace } from './workspace';
export { SERVICE_DATABASES, resetDemoData } from './reset';
export { formatSummary } from './summary';
