export * from './errors';
export * from './limits';
export * from './documents';
export * from './routes';
