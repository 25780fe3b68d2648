// HTTP edge for comment threads on links and annotations, and the caller's notifications.
import { Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { Action, CreateCommentBody, MarkNotificationsReadBody, Routes, type Comment, type CommentList, type NotificationList, type Role } from '@glossa/contracts';
import { AnnotationAccess } from '../annotations/annotation-access';
import { CurrentActor, type Actor } from '../auth/actor';
import { DomainError, parseInput, requireId } from '../common/domain-error';
import { LinkAccess } from '../links/link-access';
import { can } from '../policies/workspace-policy';
import { DataSource } from 'typeorm';
import { findComment, findComments, presentComment, type CommentSubject } from './comment-row';
import { CreateComment } from './commands/createComment';
import { ListNotifications } from './queries/listNotifications';

interface Thread {
  subject: CommentSubject;
  workspaceId: string;
  documentId: string | null;
  role: Role;
}

@Controller()
export class CommentsController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly links: LinkAccess,
    private readonly annotations: AnnotationAccess,
    private readonly createComment: CreateComment,
    private readonly notifications: ListNotifications,
  ) {}

  private async linkThread(actor: Actor, id: string): Promise<Thread> {
    const { row, role } = await this.links.load(actor.userId, requireId(id, 'Link'));
    return { subject: { kind: 'link', id: row.id }, workspaceId: row.workspace_id, documentId: null, role };
  }

  private async annotationThread(actor: Actor, id: string): Promise<Thread> {
    const { row, role } = await this.annotations.load(actor.userId, requireId(id, 'Annotation'));
    return { subject: { kind: 'annotation', id: row.id }, workspaceId: row.workspace_id, documentId: row.document_id, role };
  }

  private async comment(actor: Actor, thread: Thread, input: unknown): Promise<Comment> {
    const body = parseInput(CreateCommentBody, input);
    if (!can(thread.role, Action.Annotate)) throw DomainError.forbidden('Your role in this workspace does not allow commenting');
    const id = await this.createComment.run({ ...thread, actorId: actor.userId, body });
    return presentComment((await findComment(this.dataSource.manager, id))!);
  }

  private async list(thread: Thread): Promise<CommentList> {
    return { items: (await findComments(this.dataSource.manager, thread.subject)).map(presentComment) };
  }

  @Get(Routes.linkComments)
  async listOnLink(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<CommentList> {
    return this.list(await this.linkThread(actor, id));
  }

  @Post(Routes.linkComments)
  @HttpCode(201)
  async commentOnLink(@CurrentActor() actor: Actor, @Param('id') id: string, @Req() request: FastifyRequest): Promise<Comment> {
    return this.comment(actor, await this.linkThread(actor, id), request.body);
  }

  @Get(Routes.annotationComments)
  async listOnAnnotation(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<CommentList> {
    return this.list(await this.annotationThread(actor, id));
  }

  @Post(Routes.annotationComments)
  @HttpCode(201)
  async commentOnAnnotation(@CurrentActor() actor: Actor, @Param('id') id: string, @Req() request: FastifyRequest): Promise<Comment> {
    return this.comment(actor, await this.annotationThread(actor, id), request.body);
  }

  @Get(Routes.notifications)
  async listNotifications(@CurrentActor() actor: Actor): Promise<NotificationList> {
    return this.notifications.run(actor.userId);
  }

  @Post(Routes.notificationsRead)
  @HttpCode(200)
  async markRead(@CurrentActor() actor: Actor, @Req() request: FastifyRequest): Promise<NotificationList> {
    const { ids } = parseInput(MarkNotificationsReadBody, request.body);
    await this.notifications.markRead(actor.userId, ids);
    return this.notifications.run(actor.userId);
  }
}
