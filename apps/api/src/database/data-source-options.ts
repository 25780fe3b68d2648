// TypeORM connection options: entities and migrations listed explicitly, schema only by migrations.
import type { DataSourceOptions } from 'typeorm';
import { UserEntity } from '../accounts/user.entity';
import { AnnotationEntity } from '../annotations/annotation.entity';
import { DocumentEntity } from '../documents/document.entity';
import { RevisionEntity } from '../documents/revision.entity';
import { EventEntity } from '../events/event.entity';
import { InviteEntity } from '../invites/invite.entity';
import { SessionEntity } from '../sessions/session.entity';
import { ApiTokenEntity } from '../tokens/api-token.entity';
import { MembershipEntity } from '../workspaces/membership.entity';
import { WorkspaceEntity } from '../workspaces/workspace.entity';
import { Initial1763840000000 } from './migrations/1763840000000-Initial';
import { Accounts1764000000000 } from './migrations/1764000000000-Accounts';
import { Annotations1764100000000 } from './migrations/1764100000000-Annotations';
import { Review1764200000000 } from './migrations/1764200000000-Review';
import { QueueDocumentFilter1764300000000 } from './migrations/1764300000000-QueueDocumentFilter';
import { AnnotationRecent1764350000000 } from './migrations/1764350000000-AnnotationRecent';
import { LiveCursor1764450000000 } from './migrations/1764450000000-LiveCursor';
import { DocumentIdempotency1764560000000 } from './migrations/1764560000000-DocumentIdempotency';
import { ExportJobs1764670000000 } from './migrations/1764670000000-ExportJobs';
import { QueryLogger } from './query-logger';

export const ENTITIES = [WorkspaceEntity, DocumentEntity, RevisionEntity, EventEntity, UserEntity, MembershipEntity, SessionEntity, InviteEntity, ApiTokenEntity, AnnotationEntity];
export const MIGRATIONS = [Initial1763840000000, Accounts1764000000000, Annotations1764100000000, Review1764200000000, QueueDocumentFilter1764300000000, AnnotationRecent1764350000000, LiveCursor1764450000000, DocumentIdempotency1764560000000, ExportJobs1764670000000];

export function dataSourceOptions(url: string, poolSize: number): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: true,
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: ['error', 'warn', 'migration'],
    // Failed statements without their parameters (they carry people's text and hashes).
    logger: new QueryLogger(),
    extra: {
      max: poolSize,
      // A query that runs away must not hold a connection forever (F3).
      statement_timeout: 15_000,
      connectionTimeoutMillis: 5_000,
      application_name: 'glossa-api',
    },
  };
}
