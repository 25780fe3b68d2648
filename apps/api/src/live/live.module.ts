// Live updates (docs/LIVE.md): the Socket.IO gateway, the event-log tail woken by LISTEN/NOTIFY,
// per-recipient fan-out, presence, and the re-checks that drop sockets whose access ended.
// With GLOSSA_LIVE=false none of it is registered and /socket.io does not exist.
import { Module, type DynamicModule } from '@nestjs/common';
import type { AppConfig } from '../config/config';
import { DocumentsModule } from '../documents/documents.module';
import { GetReviewQueue } from '../review/queries/getReviewQueue';
import { WorkspacesModule } from '../workspaces/workspaces.module';
import { AfterCommitNotify } from './after-commit-notify';
import { EventLogTail } from './event-log-tail';
import { LiveAuthenticator } from './live-auth';
import { LiveBus } from './live-bus';
import { LiveConnections } from './live-connections';
import { LiveFanout } from './live-fanout';
import { LiveGateway } from './live.gateway';
import { LivePresenceHub } from './live-presence';
import { LiveRevalidation } from './live-revalidation';
import { GetLiveBadges } from './queries/getLiveBadges';
import { ReplayDocumentEvents } from './queries/replayDocumentEvents';

@Module({})
export class LiveModule {
  static register(config: Pick<AppConfig, 'GLOSSA_LIVE'>): DynamicModule {
    if (!config.GLOSSA_LIVE) return { module: LiveModule };
    return {
      module: LiveModule,
      imports: [DocumentsModule, WorkspacesModule],
      providers: [
        LiveBus,
        LiveConnections,
        GetReviewQueue,
        GetLiveBadges,
        LiveFanout,
        EventLogTail,
        AfterCommitNotify,
        LivePresenceHub,
        LiveRevalidation,
        LiveAuthenticator,
        ReplayDocumentEvents,
        LiveGateway,
      ],
    };
  }
}
