export * from './replay';
export * from './merkle';
export * from './signing';
export * from './bundle';
