export * from './idempotency-store';
export * from './request-hash';
