export * from './errors';
export * from './limits';
export * from './documents';
export * from './accounts';
export * from './annotations';
export * from './links';
export * from './review';
export * from './routes';
