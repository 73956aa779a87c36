export * from './log-holder';
export * from './operational-metrics';
