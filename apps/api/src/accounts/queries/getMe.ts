// The signed-in person, their workspaces with role and abilities, and the current workspace.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Me } from '@glossa/contracts';
import { DomainError } from '../../common/domain-error';
import { ListWorkspaces } from '../../workspaces/queries/listWorkspaces';
import { UserEntity } from '../user.entity';
import { presentMe } from '../presenters/mePresenter';

@Injectable()
export class GetMe {
  constructor(
    private readonly dataSource: DataSource,
    private readonly listWorkspaces: ListWorkspaces,
  ) {}

  async run(userId: string): Promise<Me> {
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ id: userId });
    // Sessions and tokens cascade with their user, so this is only a race with a deletion.
    if (!user) throw DomainError.unauthenticated();
    const workspaces = await this.listWorkspaces.run(userId);
    // The last choice while they still belong to it, else the first they joined.
    const current = workspaces.find((w) => w.id === user.currentWorkspaceId) ?? workspaces[0] ?? null;
    return presentMe(user, workspaces, current?.id ?? null);
  }
}
