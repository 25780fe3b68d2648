// SECURITY.md F1, the slow part: a document upload that trickles its body at a byte every 200 ms
// is cut by the server once GLOSSA_REQUEST_TIMEOUT_MS has passed (a server of this file's own with
// a 2 s limit), with nothing stored, while requests that finish inside the limit — quick or
// trickled — are answered as usual and the server keeps serving afterwards.
import { randomUUID } from 'node:crypto';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedToken, DocumentDetail } from '@glossa/contracts';
import { query, signUpStranger, startServerOnSuiteDatabase } from '../support/api';
import type { RunningServer } from '../support/server';
import { unchanged } from './fixture';

const REQUEST_TIMEOUT_MS = 2000;
const ANNOUNCED_BYTES = 100_000;
const TRICKLE_EVERY_MS = 200;

let server: RunningServer;
let token: string;

beforeAll(async () => {
  server = await startServerOnSuiteDatabase({ GLOSSA_REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS) }, 'slow-upload');
  // The token is minted on the suite server; both servers share the database.
  const uploader = await signUpStranger('slow-uploader');
  const created = await uploader.session.post('/api/auth/tokens', { name: 'slow upload' });
  expect(created.status).toBe(201);
  token = ((await created.json()) as CreatedToken).token;
});

afterAll(async () => {
  await server?.stop();
});

/** A complete JSON document-import body of exactly `size` bytes (the content pads it). */
function documentBody(title: string, size: number): Buffer {
  const envelope = JSON.stringify({ title, format: 'text', content: '' });
  const body = envelope.replace('"content":""', `"content":"${'x'.repeat(size - Buffer.byteLength(envelope))}"`);
  expect(Buffer.byteLength(body)).toBe(size);
  return Buffer.from(body);
}

function requestHead(contentLength: number): string {
  return [
    'POST /api/documents HTTP/1.1',
    `Host: 127.0.0.1:${server.port}`,
    `Authorization: Bearer ${token}`,
    'Content-Type: application/json',
    `Content-Length: ${contentLength}`,
    '',
    '',
  ].join('\r\n');
}

interface Exchange {
  /** Everything the server sent back. */
  answer: string;
  /** Body bytes written before the server ended the connection. */
  sent: number;
  /** True when the server, not this client, ended the connection. */
  endedByServer: boolean;
  /** Milliseconds from the first body byte to the connection's close (reported, never asserted). */
  elapsedMs: number;
}

/**
 * Opens a raw connection, sends the request head, then the body in `chunkBytes` pieces, one every
 * `everyMs`, until the body is out or the connection ends. Resolves when the connection closes
 * (the client closes it itself only after a complete answer to a finished body).
 */
function trickle(body: Buffer, chunkBytes: number, everyMs: number): Promise<Exchange> {
  return new Promise((resolve, reject) => {
    const socket = connect(server.port, '127.0.0.1');
    let answer = '';
    let sent = 0;
    let endedByServer = true;
    let timer: NodeJS.Timeout | undefined;
    let firstByteAt = 0;
    const sendNext = () => {
      if (socket.destroyed || socket.writableEnded || sent >= body.length) return;
      const piece = body.subarray(sent, sent + chunkBytes);
      if (sent === 0) firstByteAt = performance.now();
      sent += piece.length;
      socket.write(piece);
      if (sent < body.length) timer = setTimeout(sendNext, everyMs);
    };
    socket.setEncoding('latin1');
    socket.on('connect', () => {
      socket.write(requestHead(body.length));
      sendNext();
    });
    socket.on('data', (data: string) => {
      answer += data;
      // A finished body with a complete answer: the exchange is over, this side hangs up.
      const head = answer.indexOf('\r\n\r\n');
      const length = /\r\ncontent-length: *(\d+)/i.exec(answer)?.[1];
      if (sent >= body.length && head >= 0 && length !== undefined && Buffer.byteLength(answer, 'latin1') >= head + 4 + Number(length)) {
        endedByServer = false;
        socket.end();
      }
    });
    // Writing into a connection the server has just dropped may reset it; the close still follows.
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve({ answer, sent, endedByServer, elapsedMs: Math.round(performance.now() - firstByteAt) });
    });
    socket.setTimeout(60_000, () => {
      socket.destroy();
      reject(new Error(`the server never ended the connection (${sent} bytes sent, answer ${JSON.stringify(answer.slice(0, 200))})`));
    });
  });
}

async function storedWithTitle(title: string): Promise<number> {
  const [row] = await query<{ n: number }>('SELECT count(*)::int AS n FROM document WHERE title = $1', [title]);
  return row!.n;
}

describe('F1 a 1 byte per 200 ms upload', () => {
  it(`is ended by the server with 408 after the ${REQUEST_TIMEOUT_MS} ms request timeout, long before the body is in; nothing is stored; the server keeps answering`, { timeout: 30_000 }, async ({ annotate }) => {
    const title = `Slow upload ${randomUUID()}`;
    const exchange = await unchanged(() => trickle(documentBody(title, ANNOUNCED_BYTES), 1, TRICKLE_EVERY_MS));
    await annotate(`cut ${exchange.elapsedMs} ms after the first body byte, ${exchange.sent} of ${ANNOUNCED_BYTES} bytes sent, answer ${JSON.stringify(exchange.answer.split('\r\n')[0] ?? '')}`);
    expect(exchange.endedByServer).toBe(true);
    expect(exchange.sent).toBeLessThan(ANNOUNCED_BYTES);
    // The answer to an expired request, in the API's error envelope.
    expect(exchange.answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(exchange.answer).toMatch(/\r\nx-content-type-options: nosniff\r\n/i);
    expect(JSON.parse(exchange.answer.slice(exchange.answer.indexOf('\r\n\r\n') + 4))).toEqual({ error: { code: 'request_timeout', message: expect.any(String) } });
    expect(await storedWithTitle(title)).toBe(0);
    const health = await fetch(`${server.baseUrl}/api/health`);
    expect(health.status).toBe(200);
  });
});

describe('requests inside the limit are not cut', () => {
  it('a quick upload on the same server is stored (201)', async () => {
    const title = `Quick upload ${randomUUID()}`;
    const response = await fetch(`${server.baseUrl}/api/documents`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ title, format: 'text', content: '準時上傳' }),
    });
    expect(response.status).toBe(201);
    expect(((await response.json()) as DocumentDetail).title).toBe(title);
    expect(await storedWithTitle(title)).toBe(1);
  });

  it('a body sent in five pieces over about half a second (a quarter of the limit) is answered 201, not 408', async () => {
    const title = `Trickled upload ${randomUUID()}`;
    const body = documentBody(title, 500);
    const exchange = await trickle(body, 100, 100);
    expect(exchange.sent).toBe(body.length);
    expect(exchange.answer).toMatch(/^HTTP\/1\.1 201 /);
    expect(exchange.endedByServer).toBe(false);
    expect(await storedWithTitle(title)).toBe(1);
  });
});
