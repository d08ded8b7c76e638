export * from './settings';
export * from './tracing';
export * from './messaging';
