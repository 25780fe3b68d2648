// An annotation row: tag, note, visibility, review status, and its anchor in one revision
// (position in code points plus the quote with its context). Never sent to a client.
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { AnchorStatus, AnnotationStatus, AnnotationTag, AnnotationVisibility } from '@glossa/contracts';

@Entity('annotation')
export class AnnotationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'workspace_id' })
  workspaceId!: string;

  @Column('uuid', { name: 'document_id' })
  documentId!: string;

  @Column('uuid', { name: 'revision_id' })
  revisionId!: string;

  @Column('uuid', { name: 'author_id' })
  authorId!: string;

  @Column('text')
  tag!: AnnotationTag;

  @Column('text', { nullable: true })
  note!: string | null;

  @Column('text')
  visibility!: AnnotationVisibility;

  @Column('text')
  status!: AnnotationStatus;

  @Column('text', { name: 'anchor_status' })
  anchorStatus!: AnchorStatus;

  @Column('integer', { name: 'start_offset' })
  start!: number;

  @Column('integer', { name: 'end_offset' })
  end!: number;

  @Column('text', { name: 'quote_exact' })
  exact!: string;

  @Column('text', { name: 'quote_prefix' })
  prefix!: string;

  @Column('text', { name: 'quote_suffix' })
  suffix!: string;

  @Column('integer')
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'modified_at' })
  modifiedAt!: Date;

  @Column('timestamptz', { name: 'deleted_at', nullable: true })
  deletedAt!: Date | null;
}
