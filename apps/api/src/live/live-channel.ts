// The instances' shared wake-up line: one dedicated PostgreSQL connection that LISTENs on the
// live channels and sends NOTIFYs (small payloads only: ids and presence, never event bodies).
// When the database restarts it reconnects with backoff and reports it, so the log is re-read.
import { Logger } from '@nestjs/common';
import { Client, type Notification } from 'pg';

export const EVENTS_CHANNEL = 'glossa_live_events';
export const PRESENCE_CHANNEL = 'glossa_live_presence';
/** PostgreSQL refuses NOTIFY payloads of 8,000 bytes or more. */
export const MAX_NOTIFY_PAYLOAD_BYTES = 7_900;

const FIRST_RETRY_MS = 250;
const LAST_RETRY_MS = 5_000;

export interface ChannelListener {
  onNotification(channel: string, payload: string): void;
  /** The connection is (again) listening: anything sent meanwhile was not heard. */
  onListening(): void;
}

export class LiveChannel {
  private client: Client | null = null;
  private stopped = false;
  private retryMs = FIRST_RETRY_MS;
  private retryTimer: NodeJS.Timeout | null = null;
  private sending: Promise<void> = Promise.resolve();
  private readonly log = new Logger('LiveChannel');

  constructor(
    private readonly databaseUrl: string,
    private readonly listener: ChannelListener,
  ) {}

  start(): void {
    void this.connect();
  }

  get listening(): boolean {
    return this.client !== null;
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new Client({ connectionString: this.databaseUrl, application_name: 'glossa-live', keepAlive: true });
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, null));
    client.on('notification', (message: Notification) => this.listener.onNotification(message.channel, message.payload ?? ''));
    try {
      await client.connect();
      await client.query(`LISTEN ${EVENTS_CHANNEL}`);
      await client.query(`LISTEN ${PRESENCE_CHANNEL}`);
    } catch (error) {
      this.lost(client, error as Error);
      return;
    }
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.retryMs = FIRST_RETRY_MS;
    this.listener.onListening();
  }

  private lost(client: Client, error: Error | null): void {
    if (this.client === client) this.client = null;
    client.removeAllListeners('end');
    client.removeAllListeners('notification');
    // Keep an error listener: pg may report more on a connection already given up.
    client.on('error', () => undefined);
    void client.end().catch(() => undefined);
    if (this.stopped || this.retryTimer) return;
    this.log.warn(`Live channel lost (${error?.message ?? 'connection ended'}); reconnecting in ${this.retryMs} ms`);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.connect();
    }, this.retryMs);
    this.retryMs = Math.min(LAST_RETRY_MS, this.retryMs * 2);
  }

  /** Best effort: a lost NOTIFY is covered by the readers' safety-net timer. Sent one at a time, in order. */
  notify(channel: string, payload: string): Promise<void> {
    const sent = this.sending.then(async () => {
      const client = this.client;
      if (!client) return;
      try {
        await client.query('SELECT pg_notify($1, $2)', [channel, payload]);
      } catch {
        // The 'error'/'end' handlers take care of reconnecting.
      }
    });
    this.sending = sent;
    return sent;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const client = this.client;
    this.client = null;
    if (client) {
      client.removeAllListeners('end');
      await client.end().catch(() => undefined);
    }
  }
}
