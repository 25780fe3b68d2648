// A position in the committed event log: (txid, seq) of the last event delivered, written
// "txid:seq" for clients (opaque to them). Ordering is by txid, then seq (docs/LIVE.md).

export interface Position {
  txid: bigint;
  seq: bigint;
}

const CURSOR_SHAPE = /^(\d{1,20}):(\d{1,20})$/;

export function encodeCursor(position: Position): string {
  return `${position.txid}:${position.seq}`;
}

/** The position a cursor names, or null when it is not one this server hands out. */
export function decodeCursor(cursor: string): Position | null {
  const match = CURSOR_SHAPE.exec(cursor);
  if (!match) return null;
  return { txid: BigInt(match[1]!), seq: BigInt(match[2]!) };
}

export function comparePositions(a: Position, b: Position): number {
  if (a.txid !== b.txid) return a.txid < b.txid ? -1 : 1;
  if (a.seq !== b.seq) return a.seq < b.seq ? -1 : 1;
  return 0;
}

export function laterOf(a: Position, b: Position): Position {
  return comparePositions(a, b) >= 0 ? a : b;
}
