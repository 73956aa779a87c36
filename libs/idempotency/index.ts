export * from './idempotency-store';
export * from './personal-answers';
export * from './request-hash';
