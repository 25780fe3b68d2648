// A server-side session: the SHA-256 of the random id in the cookie, its owner and its lifetimes.
import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('user_session')
export class SessionEntity {
  @PrimaryColumn('text', { name: 'id_hash' })
  idHash!: string;

  @Column('uuid', { name: 'user_id' })
  userId!: string;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'last_seen_at' })
  lastSeenAt!: Date;

  /** The absolute end, whatever the activity. */
  @Column('timestamptz', { name: 'expires_at' })
  expiresAt!: Date;
}
