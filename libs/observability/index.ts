export * from './log-holder';
export * from './operational-metrics';
export * from './trace-context';
export * from './tracing';
