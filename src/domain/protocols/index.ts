export * from './citations';
export * from './protocol-library';
export * from './protocol-schema';
export * from './protocol-versioning';
