// Finds (or on a fresh install creates) the default workspace: the home of the seeded
// documents, owned by the first account that signs up.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { WorkspaceEntity } from './workspace.entity';

export const DEFAULT_WORKSPACE_NAME = 'Glossa';

@Injectable()
export class DefaultWorkspace {
  private cachedId: string | null = null;

  constructor(private readonly dataSource: DataSource) {}

  async id(): Promise<string> {
    if (this.cachedId) return this.cachedId;
    // The partial unique index makes concurrent first starts agree on one row.
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(WorkspaceEntity)
      .values({ name: DEFAULT_WORKSPACE_NAME, isDefault: true })
      .orIgnore()
      .execute();
    const row = await this.dataSource.getRepository(WorkspaceEntity).findOneByOrFail({ isDefault: true });
    this.cachedId = row.id;
    return row.id;
  }
}
