// An immutable revision of a document: its ProseMirror JSON and canonical text,
// the text every annotation offset counts code points in.
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { DocumentFormat } from '@glossa/contracts';

@Entity('document_revision')
export class RevisionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'document_id' })
  documentId!: string;

  @Column('integer')
  number!: number;

  @Column('text')
  format!: DocumentFormat;

  @Column('jsonb')
  doc!: Record<string, unknown>;

  @Column('text')
  text!: string;

  @Column('integer', { name: 'text_length' })
  textLength!: number;

  @Column('text', { name: 'source_sha256' })
  sourceSha256!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
