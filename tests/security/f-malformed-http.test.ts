// HTTP the server cannot route — a broken request line, a header too large for Node's parser —
// is answered in the API's error envelope (as every other refusal), never in a framework's own
// shape or with a stack, and the server keeps answering.
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { baseUrl } from '../support/api';

/** Sends `raw` on a new connection and returns all the server wrote before it closed. */
function exchange(raw: string): Promise<string> {
  const url = new URL(baseUrl());
  return new Promise((resolve, reject) => {
    const socket = connect(Number(url.port), url.hostname);
    let answer = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => (answer += chunk));
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
    socket.write(raw);
  });
}

function envelope(answer: string): unknown {
  return JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4));
}

describe('F: HTTP too broken to route', () => {
  it('a malformed request line → 400 malformed_request in the envelope, connection closed', async () => {
    const answer = await exchange('GET /api/health HTTP/1.1 extra\r\n\r\n');
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(answer).toMatch(/\r\ncontent-type: application\/json/i);
    expect(answer).toMatch(/\r\nx-content-type-options: nosniff\r\n/i);
    expect(envelope(answer)).toEqual({ error: { code: 'malformed_request', message: 'The request is not valid HTTP' } });
  });

  it('32 KB of headers → 431 malformed_request in the envelope', async () => {
    const answer = await exchange(`GET /api/health HTTP/1.1\r\nHost: x\r\nX-Padding: ${'a'.repeat(32 * 1024)}\r\n\r\n`);
    expect(answer).toMatch(/^HTTP\/1\.1 431 /);
    expect(envelope(answer)).toEqual({ error: { code: 'malformed_request', message: 'The request headers are too large' } });
  });

  it('the server keeps answering afterwards', async () => {
    expect((await fetch(`${baseUrl()}/api/health`)).status).toBe(200);
  });
});
