// Answers requests Node refuses before any route runs — one whose headers and body outlast the
// request time limit (408, SECURITY.md F1), headers too large (431), unreadable HTTP (400) — in
// the API's error envelope with the headers every answer carries, then closes the connection.
// Without this Fastify answers them in a shape of its own.
import type { Duplex } from 'node:stream';
import { ErrorCode, type ApiErrorBody } from '@glossa/contracts';

function answerFor(error: NodeJS.ErrnoException): { status: number; reason: string; body: ApiErrorBody } {
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    return { status: 408, reason: 'Request Timeout', body: { error: { code: ErrorCode.RequestTimeout, message: 'The request took too long to arrive; send it again' } } };
  }
  if (error.code === 'HPE_HEADER_OVERFLOW') {
    return { status: 431, reason: 'Request Header Fields Too Large', body: { error: { code: ErrorCode.MalformedRequest, message: 'The request headers are too large' } } };
  }
  return { status: 400, reason: 'Bad Request', body: { error: { code: ErrorCode.MalformedRequest, message: 'The request is not valid HTTP' } } };
}

/** Fastify's `clientErrorHandler`: writes the answer if the socket can take it, then closes it. */
export function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  // A reset connection has nobody to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  if (socket.writable) {
    const { status, reason, body } = answerFor(error);
    const json = JSON.stringify(body);
    socket.write(
      `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(json)}\r\n` +
        `Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n${json}`,
    );
  }
  socket.destroy(error);
}
