// What the database layer writes to the log. A failed statement is logged by its first line and
// PostgreSQL's error code and message — never its parameters, which carry what people wrote
// (notes, rationales, whole documents), token and session hashes, and password hashes
// (SECURITY.md A5: no session or token in logs). Migrations are logged; queries are not.
import { Logger as NestLogger } from '@nestjs/common';
import type { Logger } from 'typeorm';

/** The statement's first non-empty line, shortened: enough to tell which query failed. */
export function statementHead(query: string): string {
  const line = query.split('\n').map((l) => l.trim()).find((l) => l.length > 0) ?? '';
  return line.length > 120 ? `${line.slice(0, 120)}…` : line;
}

export class QueryLogger implements Logger {
  private readonly logger = new NestLogger('Database');

  logQuery(): void {}

  logQueryError(error: string | Error, query: string): void {
    const code = typeof error === 'object' && error !== null && 'code' in error ? ` ${String((error as { code: unknown }).code)}` : '';
    const message = typeof error === 'string' ? error : error.message;
    this.logger.warn(`query failed${code}: ${message} — in: ${statementHead(query)}`);
  }

  logQuerySlow(time: number, query: string): void {
    this.logger.warn(`slow query (${time} ms): ${statementHead(query)}`);
  }

  logSchemaBuild(): void {}

  logMigration(message: string): void {
    this.logger.log(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn(String(message));
  }
}
