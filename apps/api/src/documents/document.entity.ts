// A document: a title in a workspace, pointing at its current immutable revision.
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { DocumentLanguage } from '@glossa/contracts';

@Entity('document')
export class DocumentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'workspace_id' })
  workspaceId!: string;

  @Column('text')
  title!: string;

  @Column('text')
  language!: DocumentLanguage;

  @Column('text', { name: 'seed_key', nullable: true })
  seedKey!: string | null;

  @Column('uuid', { name: 'current_revision_id', nullable: true })
  currentRevisionId!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
