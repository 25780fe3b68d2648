// Owns this instance's LISTEN/NOTIFY connection and hands notifications to the live services
// that registered for a channel. One per instance; started once the application is up.
import { randomUUID } from 'node:crypto';
import { Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { PostgresConnectionOptions } from 'typeorm/driver/postgres/PostgresConnectionOptions';
import { DataSource } from 'typeorm';
import { LiveChannel } from './live-channel';

type Handler = (payload: string) => void;

@Injectable()
export class LiveBus implements OnApplicationBootstrap, OnApplicationShutdown {
  /** Tells this instance's own NOTIFYs from the others'. */
  readonly instanceId = randomUUID();
  private readonly handlers = new Map<string, Handler[]>();
  private readonly listeningHandlers: Array<() => void> = [];
  private readonly channel: LiveChannel;

  constructor(dataSource: DataSource) {
    const url = (dataSource.options as PostgresConnectionOptions).url!;
    this.channel = new LiveChannel(url, {
      onNotification: (channel, payload) => {
        for (const handler of this.handlers.get(channel) ?? []) handler(payload);
      },
      onListening: () => {
        for (const handler of this.listeningHandlers) handler();
      },
    });
  }

  on(channel: string, handler: Handler): void {
    this.handlers.set(channel, [...(this.handlers.get(channel) ?? []), handler]);
  }

  onListening(handler: () => void): void {
    this.listeningHandlers.push(handler);
  }

  notify(channel: string, payload: string): Promise<void> {
    return this.channel.notify(channel, payload);
  }

  onApplicationBootstrap(): void {
    this.channel.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.channel.stop();
  }
}
