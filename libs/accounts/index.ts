export * from './accounts-config';
export * from './passwords';
export * from './sessions';
export * from './sign-in';
export * from './sign-in-throttle';
export * from './users';
export * from './first-admin';
