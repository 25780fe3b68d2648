// A person's account: a normalized email, a display name and an argon2id password hash.
// Never sent to a client; the Me and Member presenters pick the public fields.
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('app_user')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text')
  email!: string;

  @Column('text')
  name!: string;

  @Column('text', { name: 'password_hash' })
  passwordHash!: string;

  /** The workspace lists and imports default to; null falls back to the first membership. */
  @Column('uuid', { name: 'current_workspace_id', nullable: true })
  currentWorkspaceId!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
