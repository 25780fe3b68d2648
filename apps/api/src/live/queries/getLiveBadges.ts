// The review badge of some members of a workspace: what the header shows, counted by the review
// queue's own query (open and in-review flags, submitted annotations they may see) and unread
// notifications counted as GET /api/notifications counts them.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { LiveBadge, Role } from '@glossa/contracts';
import { GetReviewQueue } from '../../review/queries/getReviewQueue';

@Injectable()
export class GetLiveBadges {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queue: GetReviewQueue,
  ) {}

  /** Badges of those of `userIds` who still belong to the workspace. */
  async run(workspaceId: string, userIds: readonly string[]): Promise<Map<string, LiveBadge>> {
    const members: Array<{ user_id: string; role: Role; unread: number }> = await this.dataSource.query(
      `SELECT m.user_id, m.role,
              (SELECT count(*)::int FROM notification n
                WHERE n.user_id = m.user_id AND n.read_at IS NULL
                  AND EXISTS (SELECT 1 FROM membership nm WHERE nm.workspace_id = n.workspace_id AND nm.user_id = n.user_id)) AS unread
         FROM membership m
        WHERE m.workspace_id = $1 AND m.user_id = ANY($2::uuid[])`,
      [workspaceId, userIds],
    );
    const badges = new Map<string, LiveBadge>();
    for (const member of members) {
      const { counts } = await this.queue.run(workspaceId, { userId: member.user_id, role: member.role }, { limit: 1 });
      badges.set(member.user_id, { openReviewItems: counts.open + counts.in_review + counts.submitted, unreadMentions: member.unread, workspaceId });
    }
    return badges;
  }
}
