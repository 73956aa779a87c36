export * from './principal';
export * from './auth-config';
export * from './policy';
export * from './policy-table';
export * from './scope';
export * from './suppression';
export * from './token-verifier';
export * from './signing-keys';
