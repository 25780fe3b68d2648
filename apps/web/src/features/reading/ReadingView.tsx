// The reading view: one read-only ProseMirror EditorView, mounted once inside a React-owned
// host element. ProseMirror owns everything inside the host; React never renders there.
import { schema } from '@glossa/editor-schema';
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { EditorState } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import 'prosemirror-view/style/prosemirror.css';
import { useEffect, useMemo, useRef } from 'react';

export interface ReadingViewProps {
  /** ProseMirror JSON of a revision, in the @glossa/editor-schema schema. */
  doc: Record<string, unknown>;
  /** BCP 47 tag of the text; picks Traditional vs Simplified glyphs and the font stack. */
  lang: string;
  /** Accessible name of the text region. */
  label: string;
}

function viewAttributes(lang: string, label: string): Record<string, string> {
  return {
    class: 'reading-view',
    lang,
    'aria-label': label,
    'aria-readonly': 'true',
    role: 'document',
    'data-testid': 'reading-view',
  };
}

function createState(doc: ProseMirrorNode): EditorState {
  // Highlight plugins (decorations from plugin state) join here in a later milestone.
  return EditorState.create({ doc });
}

export function ReadingView({ doc, lang, label }: ReadingViewProps) {
  const hostRef = useRef<HTMLDivElement>(null);
  const viewRef = useRef<EditorView | null>(null);
  // Parsed during render so a document the schema rejects reaches the error boundary.
  const node = useMemo(() => schema.nodeFromJSON(doc), [doc]);
  const attributes = useMemo(() => viewAttributes(lang, label), [lang, label]);

  // Mount once. The two effects below run right after this one (they are declared
  // later), so a view re-created with stale first-render inputs is brought up to date.
  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const view = new EditorView(host, {
      state: createState(node),
      editable: () => false,
      attributes,
    });
    viewRef.current = view;
    return () => {
      view.destroy();
      viewRef.current = null;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- mounted once by design
  }, []);

  useEffect(() => {
    const view = viewRef.current;
    if (view && view.state.doc !== node) view.updateState(createState(node));
  }, [node]);

  useEffect(() => {
    viewRef.current?.setProps({ attributes });
  }, [attributes]);

  return <div ref={hostRef} className="reading-view-host" />;
}
