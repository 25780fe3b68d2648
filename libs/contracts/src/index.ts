export * from './errors';
export * from './limits';
export * from './documents';
export * from './accounts';
export * from './routes';
