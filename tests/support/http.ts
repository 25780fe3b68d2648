// fetch for system tests that also survives a server refusing a large body early: a server
// answers 413 from the headers and closes the socket while the client is still writing, which
// undici's fetch reports as a network error (EPIPE) instead of the response. Free of vitest imports.
import { request as httpRequest } from 'node:http';

/** Bodies at least this large go through node:http, which keeps the early response. */
const LARGE_BODY_BYTES = 1024 * 1024;

function sendLarge(url: string, method: string, headers: Headers, body: Buffer): Promise<Response> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const outgoing: Record<string, string> = {};
    headers.forEach((value, name) => (outgoing[name] = value));
    outgoing['content-length'] = String(body.length);
    const req = httpRequest(url, { method, headers: outgoing }, (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const responseHeaders = new Headers();
        for (const [name, value] of Object.entries(res.headers)) {
          if (Array.isArray(value)) value.forEach((v) => responseHeaders.append(name, v));
          else if (value !== undefined) responseHeaders.set(name, value);
        }
        resolve(new Response(Buffer.concat(chunks), { status: res.statusCode ?? 0, headers: responseHeaders }));
      });
      res.on('error', reject);
    });
    // A write error after the server answered is the early close described above, not a failure.
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    req.end(body);
  });
}

export async function testFetch(url: string, init: RequestInit = {}): Promise<Response> {
  const body = init.body;
  if (typeof body === 'string' && Buffer.byteLength(body) >= LARGE_BODY_BYTES) {
    return sendLarge(url, init.method ?? 'POST', new Headers(init.headers), Buffer.from(body));
  }
  return fetch(url, init);
}
