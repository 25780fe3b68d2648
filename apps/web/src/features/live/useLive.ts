// React hooks over the live connection: the shared connection for the signed-in person, its
// status, the browser's own online state, the header badge, and one document's live view —
// changes applied to the query cache (held while the reader selects or types), presence, and
// the reader's selection shared with the others.
import type { LiveChange, LiveViewer } from '@glossa/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useLayoutEffect, useRef, useState, useSyncExternalStore } from 'react';
import { reviewKeys } from '../review/queries';
import { sessionKeys } from '../session/queries';
import { applyLiveBadge, applyLiveChange, resyncDocument } from './applyChange';
import { acquireLiveConnection, type LiveConnection, type LiveStatus } from './connection';
import { HeldChanges } from './heldChanges';

/** The page's live connection while `userId` is signed in; null before and after. */
export function useLiveConnection(userId: string | undefined): LiveConnection | null {
  const [connection, setConnection] = useState<LiveConnection | null>(null);
  useEffect(() => {
    if (!userId) return;
    const acquired = acquireLiveConnection(userId);
    setConnection(acquired.connection);
    return () => {
      acquired.release();
      setConnection(null);
    };
  }, [userId]);
  return connection;
}

const NO_CONNECTION = () => () => undefined as void;

export function useLiveStatus(connection: LiveConnection | null): LiveStatus | null {
  const subscribe = useCallback((notify: () => void) => (connection ? connection.onStatus(notify) : NO_CONNECTION()), [connection]);
  return useSyncExternalStore(
    subscribe,
    () => connection?.status ?? null,
    () => null,
  );
}

/**
 * The app-wide pushes: badge counts (and the review queue) refetched when they change or after a
 * reconnect, and a closed session or a removed membership sending the person back through the
 * sign-in gate.
 */
export function useLiveAccount(connection: LiveConnection | null): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!connection) return;
    const offBadge = connection.onBadge((badge) => applyLiveBadge(queryClient, badge));
    const offClosing = connection.onClosing(() => {
      void queryClient.invalidateQueries({ queryKey: sessionKeys.me });
    });
    // Badge pushes missed while disconnected are not replayed: the counts are fetched again.
    let wasOffline = connection.status === 'offline';
    const offStatus = connection.onStatus(() => {
      if (connection.status === 'offline') wasOffline = true;
      else if (connection.status === 'online' && wasOffline) {
        wasOffline = false;
        void queryClient.invalidateQueries({ queryKey: reviewKeys.summary });
        void queryClient.invalidateQueries({ queryKey: reviewKeys.notifications });
        void queryClient.invalidateQueries({ queryKey: [...reviewKeys.all, 'queue'] });
      }
    });
    return () => {
      offBadge();
      offClosing();
      offStatus();
    };
  }, [connection, queryClient]);
}

type Held = { kind: 'change'; change: LiveChange } | { kind: 'resync' };

export interface LiveDocument {
  status: LiveStatus | null;
  /** Everyone viewing the document now, the reader included. */
  viewers: readonly LiveViewer[];
  /** Changes waiting for the reader to finish selecting or typing. */
  heldCount: number;
  /** Shares the reader's selection (code points; null for none) with the other viewers. */
  shareSelection: (range: { start: number; end: number } | null) => void;
}

const NO_VIEWERS: readonly LiveViewer[] = [];

/**
 * Joins the document's room while mounted. Pushed changes go into the query cache at once, or,
 * while `hold` is true, as soon as it turns false; `afterApply` sees each one right after.
 */
export function useLiveDocument(documentId: string, userId: string, hold: boolean, afterApply?: (change: LiveChange) => void): LiveDocument {
  const queryClient = useQueryClient();
  const connection = useLiveConnection(userId);
  const status = useLiveStatus(connection);
  const [viewers, setViewers] = useState<readonly LiveViewer[]>(NO_VIEWERS);
  const [heldCount, setHeldCount] = useState(0);
  const documentRef = useRef(documentId);
  documentRef.current = documentId;
  const afterApplyRef = useRef(afterApply);
  afterApplyRef.current = afterApply;
  const gate = useRef<HeldChanges<Held> | null>(null);
  gate.current ??= new HeldChanges<Held>((held) => {
    if (held.kind === 'change') {
      applyLiveChange(queryClient, held.change);
      afterApplyRef.current?.(held.change);
    } else resyncDocument(queryClient, documentRef.current);
  });

  // At commit, so nothing slips in between a selection and the hold.
  useLayoutEffect(() => {
    const changes = gate.current!;
    changes.hold(hold);
    setHeldCount(changes.size);
  }, [hold]);

  useEffect(() => {
    if (!connection) return;
    const changes = gate.current!;
    const push = (held: Held) => {
      changes.push(held);
      if (changes.held) setHeldCount(changes.size);
    };
    const stop = connection.subscribe(documentId, {
      change: (change) => push({ kind: 'change', change }),
      resync: () => push({ kind: 'resync' }),
      presence: (presence) => setViewers(presence.viewers),
    });
    return () => {
      stop();
      setViewers(NO_VIEWERS);
    };
  }, [connection, documentId]);

  // Nobody is shown as viewing while this view is not connected.
  const shownViewers = status === 'online' ? viewers : NO_VIEWERS;

  const shareSelection = useCallback((range: { start: number; end: number } | null) => connection?.setCursor(documentId, range), [connection, documentId]);

  return { status, viewers: shownViewers, heldCount, shareSelection };
}

/**
 * Follows documents a page shows without reading them (a flag's passages): their changes go into
 * the query cache as they come, so the page's flag, thread and passages stay current.
 */
export function useLiveDocuments(documentIds: readonly string[], userId: string | undefined): void {
  const queryClient = useQueryClient();
  const connection = useLiveConnection(userId);
  const key = [...new Set(documentIds)].sort().join(',');
  useEffect(() => {
    if (!connection || key === '') return;
    const stops = key.split(',').map((documentId) =>
      connection.subscribe(documentId, {
        change: (change) => applyLiveChange(queryClient, change),
        resync: () => void queryClient.invalidateQueries({ queryKey: reviewKeys.all }),
        presence: () => undefined,
      }),
    );
    return () => stops.forEach((stop) => stop());
  }, [connection, key, queryClient]);
}
