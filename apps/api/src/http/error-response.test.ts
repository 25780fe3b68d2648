// Which failures mean "the database is away" (503 + Retry-After, retry safely) and which are ours (500).
import { describe, expect, it } from 'vitest';
import { QueryFailedError, QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';
import { RETRY_AFTER_SECONDS, toErrorResponse } from './error-response';

const silent = { log() {}, error() {}, warn() {} };

const withCode = (code: string, message = 'failed'): Error => Object.assign(new Error(message), { code });
const queryFailed = (code: string): QueryFailedError => new QueryFailedError('SELECT 1', [], withCode(code));

const UNAVAILABLE: Array<[string, unknown]> = [
  ['refused connection', withCode('ECONNREFUSED')],
  ['reset connection', withCode('ECONNRESET')],
  ['admin shutdown (57P01) from the server', queryFailed('57P01')],
  ['connection failure (08006)', queryFailed('08006')],
  ['connection ended mid-query', new Error('Connection terminated unexpectedly')],
  ['pool wait timed out', new Error('timeout exceeded when trying to connect')],
  ['a transaction whose connection broke', new QueryRunnerAlreadyReleasedError()],
  ['a query on a released transaction', new QueryRunnerProviderAlreadyReleasedError()],
];

const OURS: Array<[string, unknown]> = [
  ['a programming error', new TypeError('x is undefined')],
  ['a constraint violation', queryFailed('23505')],
  ['a syntax error in SQL', queryFailed('42601')],
];

describe('toErrorResponse', () => {
  it.each(UNAVAILABLE)('%s → 503 with Retry-After and the envelope', (_, error) => {
    const response = toErrorResponse(error, silent);
    expect(response.status).toBe(503);
    expect(response.headers['retry-after']).toBe(String(RETRY_AFTER_SECONDS));
    expect(response.body).toEqual({ error: { code: 'service_unavailable', message: expect.any(String) } });
  });

  it.each(OURS)('%s → 500 without details', (_, error) => {
    const response = toErrorResponse(error, silent);
    expect(response.status).toBe(500);
    expect(response.headers['retry-after']).toBeUndefined();
    expect(JSON.stringify(response.body)).not.toMatch(/SELECT|undefined|23505/);
  });
});
