// Clients that create annotations with their own Idempotency-Keys and retry each create with the
// same key until it is acknowledged — the behaviour a fault must not turn into loss or duplicates.
import type { Annotation } from '@glossa/contracts';
import { bearer } from './fault-rig';

export interface WriterClient {
  token: string;
  /** Distinguishes this client's keys and notes from every other's. */
  label: string;
}

export interface PlannedCreate {
  key: string;
  note: string;
  start: number;
  end: number;
}

export interface WriteRun {
  /** key → annotation id from the 2xx that acknowledged it. */
  acknowledged: Map<string, string>;
  /** Every answer that was not a 2xx, by status (0: the connection failed). */
  failures: Map<number, number>;
  /** Failed answers that lacked the 503 contract: a Retry-After header and the error envelope. */
  malformedUnavailable: number;
  retries: number;
  /** Milliseconds since the run started at which each acknowledgement arrived. */
  ackTimes: number[];
  started: number;
}

/** Spans spread over the text, one per create, so anchoring does real work. */
export function planCreates(label: string, count: number, textLength: number): PlannedCreate[] {
  const span = 12;
  return Array.from({ length: count }, (_, i) => {
    const start = (i * 37) % (textLength - span - 1);
    return { key: `${label}-${i}`, note: `${label} note ${i}`, start, end: start + span };
  });
}

export interface RunOptions {
  baseUrl: string;
  documentId: string;
  revisionId: string;
  /** Requests each client keeps in flight. */
  inFlightPerClient: number;
  /** Called after every acknowledgement (the fault trigger watches the count). */
  onAck?: (total: number) => void;
  retryDelayMs?: number;
}

function recordFailure(run: WriteRun, status: number, body: unknown, headers: Headers | null): void {
  run.failures.set(status, (run.failures.get(status) ?? 0) + 1);
  if (status === 503) {
    const code = (body as { error?: { code?: unknown } } | null)?.error?.code;
    if (!headers?.get('retry-after') || code !== 'service_unavailable') run.malformedUnavailable++;
  }
}

/**
 * Each client works through its own plan with `inFlightPerClient` creates at a time. A create that
 * is not acknowledged (network error, 503, anything else) is retried with the same key and body.
 */
export async function runWriters(clients: Array<{ client: WriterClient; plan: PlannedCreate[] }>, options: RunOptions): Promise<WriteRun> {
  const run: WriteRun = { acknowledged: new Map(), failures: new Map(), malformedUnavailable: 0, retries: 0, ackTimes: [], started: Date.now() };
  const retryDelayMs = options.retryDelayMs ?? 100;
  const createOne = async (client: WriterClient, planned: PlannedCreate): Promise<void> => {
    const body = {
      tag: 'claim',
      note: planned.note,
      target: { revisionId: options.revisionId, selector: [{ type: 'TextPositionSelector', start: planned.start, end: planned.end }] },
    };
    for (let attempt = 0; ; attempt++) {
      if (attempt > 0) {
        run.retries++;
        await new Promise((r) => setTimeout(r, retryDelayMs));
      }
      const answer = await bearer(options.baseUrl, client.token, 'POST', `/api/documents/${options.documentId}/annotations`, body, { 'idempotency-key': planned.key });
      if (answer.status >= 200 && answer.status < 300) {
        run.acknowledged.set(planned.key, (answer.body as Annotation).id);
        run.ackTimes.push(Date.now() - run.started);
        options.onAck?.(run.acknowledged.size);
        return;
      }
      recordFailure(run, answer.status, answer.body, answer.headers);
      if (answer.status >= 400 && answer.status < 500) throw new Error(`create ${planned.key} refused: ${answer.status} ${JSON.stringify(answer.body)}`);
    }
  };
  await Promise.all(
    clients.map(async ({ client, plan }) => {
      let next = 0;
      await Promise.all(
        Array.from({ length: options.inFlightPerClient }, async () => {
          while (next < plan.length) await createOne(client, plan[next++]!);
        }),
      );
    }),
  );
  return run;
}
