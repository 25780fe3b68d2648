// Names of the events written to the log; one constant per change.
export const EventType = {
  DocumentImported: 'document.imported',
  DocumentRevised: 'document.revised',
  AnnotationCreated: 'annotation.created',
  AnnotationUpdated: 'annotation.updated',
  AnnotationDeleted: 'annotation.deleted',
  AnnotationRestored: 'annotation.restored',
  AnnotationReanchored: 'annotation.reanchored',
  AnnotationSubmitted: 'annotation.submitted',
  AnnotationDecided: 'annotation.decided',
  LinkCreated: 'link.created',
  LinkTransitioned: 'link.transitioned',
  CommentCreated: 'comment.created',
  WorkspaceCreated: 'workspace.created',
  MemberJoined: 'member.joined',
  MemberRoleChanged: 'member.role_changed',
  MemberRemoved: 'member.removed',
  InviteCreated: 'invite.created',
  InviteRevoked: 'invite.revoked',
} as const;
export type EventType = (typeof EventType)[keyof typeof EventType];
