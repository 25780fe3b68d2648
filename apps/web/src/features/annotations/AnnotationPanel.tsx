// The side panel beside the reading column: counts per tag, filters, the annotations in
// document order (windowed), each editable in place, and the detached ones listed apart.
// "Select…" turns on checkboxes for the annotations the reader may delete, to delete many at once.
// Quotes are rendered as text; notes are Markdown, rendered sanitized by MarkdownNote.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ANNOTATION_TAGS, AnnotationStatus, type AnnotationHistoryEntry, type AnnotationTag, type UpdateAnnotationBody } from '../../api/annotations';
import { formatDateTime } from '../../i18n/format';
import { MarkdownNote } from '../../ui/MarkdownNote';
import { VirtualList } from '../../ui/VirtualList';
import { annotationErrorMessage } from './annotationErrors';
import { authorsOf, countByTag, EMPTY_FILTER, filterItems, isFilterActive, type AnnotationFilter, type AnnotationItem } from './items';
import { useAnnotationHistory } from './useAnnotations';
import { AnnotationLinks } from '../review/AnnotationLinks';
import { AnnotationComments } from '../review/AnnotationComments';

const QUOTE_EXCERPT = 160;

/** At most `max` code points, with an ellipsis when cut. */
export function excerpt(text: string, max: number): string {
  const points = Array.from(text);
  return points.length <= max ? text : `${points.slice(0, max).join('')}…`;
}

export interface AnnotationPanelProps {
  items: readonly AnnotationItem[];
  myId: string;
  documentId: string;
  /** May link annotations (the annotate ability). */
  canLink: boolean;
  /** Annotations taking part in an open contradiction flag. */
  flaggedIds: ReadonlySet<string>;
  focusedId: string | null;
  /** Bumped when the focus came from the text, so the list scrolls to it. */
  focusSeq: number;
  loading: boolean;
  loadError: unknown;
  onRetryLoad: () => void;
  onFocus: (id: string) => void;
  onJump: (id: string) => void;
  onEdit: (id: string, patch: UpdateAnnotationBody) => void;
  onDelete: (id: string) => void;
  /** Deletes these annotations in one step; resolves true when they were deleted. */
  onDeleteMany: (ids: readonly string[]) => Promise<boolean>;
  onRetry: (localId: string) => void;
  onDiscard: (localId: string) => void;
  draftError: (localId: string) => unknown;
  /** True while text is selected in the reading view: the focused or a detached annotation can move there. */
  hasSelection: boolean;
  /** Re-anchors an annotation to the current selection. */
  onMoveHere: (id: string) => void;
}

export function AnnotationPanel(props: AnnotationPanelProps) {
  const { t } = useTranslation();
  const { items, myId, focusedId, focusSeq } = props;
  const [filter, setFilter] = useState<AnnotationFilter>(EMPTY_FILTER);
  const anchored = useMemo(() => items.filter((item) => !item.detached), [items]);
  const detached = useMemo(() => items.filter((item) => item.detached), [items]);
  const counts = useMemo(() => countByTag(anchored), [anchored]);
  const authors = useMemo(() => authorsOf(items), [items]);
  const shown = useMemo(() => filterItems(anchored, filter, myId), [anchored, filter, myId]);
  const focusIndex = focusedId === null ? -1 : shown.findIndex((item) => item.id === focusedId);
  const update = (patch: Partial<AnnotationFilter>) => setFilter((f) => ({ ...f, ...patch }));
  const [selecting, setSelecting] = useState(false);
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const [deleting, setDeleting] = useState(false);
  const deletableShown = useMemo(() => shown.filter(isDeletable), [shown]);
  // Only what is still listed and deletable counts (a colleague's change may remove an item).
  const selectedIds = useMemo(() => items.filter((item) => picked.has(item.id) && isDeletable(item)).map((item) => item.id), [items, picked]);
  const toggle = (id: string) =>
    setPicked((now) => {
      const next = new Set(now);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const stopSelecting = () => {
    setSelecting(false);
    setPicked(new Set());
  };
  const deleteSelected = () => {
    setDeleting(true);
    void props.onDeleteMany(selectedIds).then((done) => {
      setDeleting(false);
      if (done) stopSelecting();
    });
  };

  return (
    <aside className="annotation-panel" aria-label={t('annotations.panelLabel')} data-testid="annotation-panel">
      <h2 className="annotation-panel__heading">{t('annotations.heading')}</h2>
      <ul className="annotation-legend" aria-label={t('annotations.legend')} data-testid="annotation-legend">
        {ANNOTATION_TAGS.map((tag) => (
          <li key={tag}>
            <button
              type="button"
              className={`tag-chip tag-chip--${tag}`}
              aria-pressed={filter.tags.includes(tag)}
              onClick={() => update({ tags: filter.tags.includes(tag) ? filter.tags.filter((x) => x !== tag) : [...filter.tags, tag] })}
              data-testid={`tag-count-${tag}`}
            >
              <span className={`legend-swatch hl hl-${tag}`} aria-hidden="true">
                Aa
              </span>{' '}
              {t(`tags.${tag}`)} <span className="tag-chip__count">{counts[tag]}</span>
            </button>
          </li>
        ))}
      </ul>

      <div className="annotation-filters">
        <input
          type="search"
          className="annotation-filters__text"
          placeholder={t('annotations.filterText')}
          aria-label={t('annotations.filterText')}
          value={filter.text}
          onChange={(e) => update({ text: e.target.value })}
          data-testid="annotation-filter-text"
        />
        <select aria-label={t('annotations.filterAuthor')} value={filter.author ?? ''} onChange={(e) => update({ author: e.target.value || null })} data-testid="annotation-filter-author">
          <option value="">{t('annotations.allAuthors')}</option>
          {authors.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
        <select
          aria-label={t('annotations.filterStatus')}
          value={filter.status ?? ''}
          onChange={(e) => update({ status: e.target.value === '' ? null : AnnotationStatus.parse(e.target.value) })}
          data-testid="annotation-filter-status"
        >
          <option value="">{t('annotations.allStatuses')}</option>
          {AnnotationStatus.options.map((s) => (
            <option key={s} value={s}>
              {t(`annotations.status.${s}`)}
            </option>
          ))}
        </select>
        <label className="checkbox">
          <input type="checkbox" checked={filter.mine} onChange={(e) => update({ mine: e.target.checked })} data-testid="annotation-filter-mine" /> {t('annotations.mine')}
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={filter.privateOnly} onChange={(e) => update({ privateOnly: e.target.checked })} /> {t('annotations.privateOnly')}
        </label>
        {isFilterActive(filter) && (
          <button type="button" className="button button--link" onClick={() => setFilter(EMPTY_FILTER)}>
            {t('annotations.clearFilters')}
          </button>
        )}
        {!selecting && deletableShown.length > 0 && (
          <button type="button" className="button button--link" onClick={() => setSelecting(true)} data-testid="annotation-select-mode">
            {t('annotations.selectMode')}
          </button>
        )}
      </div>

      {selecting && (
        <div className="annotation-selection" role="group" aria-label={t('annotations.selectedCount', { count: selectedIds.length })} data-testid="annotation-selection">
          <span role="status" data-testid="annotation-selected-count">
            {t('annotations.selectedCount', { count: selectedIds.length })}
          </span>
          <button type="button" className="button button--link" onClick={() => setPicked(new Set(deletableShown.map((item) => item.id)))} data-testid="annotation-select-all">
            {t('annotations.selectAllShown', { count: deletableShown.length })}
          </button>
          {selectedIds.length > 0 && (
            <button type="button" className="button button--link" onClick={() => setPicked(new Set())}>
              {t('annotations.selectNone')}
            </button>
          )}
          <button
            type="button"
            className="button button--small button--danger"
            disabled={selectedIds.length === 0 || deleting}
            onClick={deleteSelected}
            data-testid="annotation-delete-selected"
          >
            {t('annotations.deleteSelected', { count: selectedIds.length })}
          </button>
          <button type="button" className="button button--small button--secondary" onClick={stopSelecting} data-testid="annotation-select-done">
            {t('annotations.selectDone')}
          </button>
          <p className="annotation-selection__hint">{t('annotations.selectHint')}</p>
        </div>
      )}

      {props.loading ? (
        <p className="status" role="status">
          {t('annotations.loading')}
        </p>
      ) : props.loadError ? (
        <p className="form-error" role="alert">
          {t('annotations.loadFailed')}{' '}
          <button type="button" className="button button--link" onClick={props.onRetryLoad}>
            {t('annotations.retry')}
          </button>
        </p>
      ) : shown.length === 0 ? (
        <p className="annotation-panel__empty" data-testid="annotation-empty">
          {anchored.length === 0 ? t('annotations.empty') : t('annotations.noMatches')}
        </p>
      ) : (
        <VirtualList
          items={shown}
          getKey={(item) => item.id}
          label={t('annotations.heading')}
          className="annotation-list"
          testId="annotation-list"
          scrollTo={{ index: focusIndex, seq: focusSeq }}
          renderItem={(item) => (
            <AnnotationRow item={item} focused={item.id === focusedId} selecting={selecting} selected={picked.has(item.id)} onToggleSelect={toggle} {...props} />
          )}
        />
      )}

      {detached.length > 0 && (
        <section className="annotation-detached" data-testid="annotation-detached">
          <h3>{t('annotations.detached')}</h3>
          <p className="annotation-detached__hint">{t('annotations.detachedHint')}</p>
          <ul>
            {detached.map((item) => (
              <li key={item.id} className={`annotation-item annotation-item--${item.tag}`} data-testid="detached-item" data-annotation-id={item.id}>
                <span className={`tag-badge tag-badge--${item.tag}`}>{t(`tags.${item.tag}`)}</span> <q>{excerpt(item.quote, QUOTE_EXCERPT)}</q>
                {item.note && <MarkdownNote source={item.note} className="annotation-item__note" />}
                {item.annotation?.abilities.edit && (
                  <p className="annotation-item__actions">
                    <button
                      type="button"
                      className="button button--small"
                      disabled={!props.hasSelection}
                      title={props.hasSelection ? undefined : t('annotations.selectTextFirst')}
                      // Keep the text selected: the button must not take it away on press.
                      onMouseDown={(e) => e.preventDefault()}
                      onClick={() => props.onMoveHere(item.id)}
                      data-testid="annotation-attach"
                    >
                      {t('annotations.attachHere')}
                    </button>
                  </p>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </aside>
  );
}

/** Saved, and deletable by the reader. */
function isDeletable(item: AnnotationItem): boolean {
  return item.saveState === 'confirmed' && item.annotation?.abilities.delete === true;
}

interface RowSelection {
  selecting: boolean;
  selected: boolean;
  onToggleSelect: (id: string) => void;
}

function AnnotationRow({ item, focused, selecting, selected, onToggleSelect, ...props }: { item: AnnotationItem; focused: boolean } & RowSelection & AnnotationPanelProps) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [showHistory, setShowHistory] = useState(false);
  const [tag, setTag] = useState<AnnotationTag>(item.tag);
  const [note, setNote] = useState(item.note ?? '');
  const abilities = item.annotation?.abilities;
  const failedError = item.saveState === 'failed' ? props.draftError(item.id) : undefined;

  const save = () => {
    const patch: UpdateAnnotationBody = {};
    if (tag !== item.tag) patch.tag = tag;
    const trimmed = note.trim();
    if (trimmed !== (item.note ?? '')) patch.note = trimmed === '' ? null : trimmed;
    if (Object.keys(patch).length > 0) props.onEdit(item.id, patch);
    setEditing(false);
  };

  return (
    <article
      className={`annotation-item annotation-item--${item.tag}${focused ? ' annotation-item--focused' : ''} annotation-item--${item.saveState}`}
      aria-current={focused ? 'true' : undefined}
      data-testid="annotation-item"
      data-annotation-id={item.id}
      data-save-state={item.saveState}
      onClick={() => props.onFocus(item.id)}
    >
      <header className="annotation-item__header">
        {selecting && isDeletable(item) && (
          <input
            type="checkbox"
            className="annotation-item__select"
            checked={selected}
            aria-label={t('annotations.selectOne')}
            onClick={(e) => e.stopPropagation()}
            onChange={() => onToggleSelect(item.id)}
            data-testid="annotation-select"
          />
        )}
        <span className={`tag-badge tag-badge--${item.tag}`}>{t(`tags.${item.tag}`)}</span>
        <span className="annotation-item__author">{item.author.name}</span>
        {item.visibility === 'private' && <span className="annotation-item__private">{t('annotations.private')}</span>}
        {item.queued ? (
          <span className="annotation-item__saving" role="status" data-testid="annotation-queued">
            {t('live.queued')}
          </span>
        ) : (
          item.saveState === 'pending' && (
            <span className="annotation-item__saving" role="status">
              {t('annotations.pending')}
            </span>
          )
        )}
      </header>
      <blockquote className="annotation-item__quote">{excerpt(item.quote, QUOTE_EXCERPT)}</blockquote>
      {item.note && !editing && <MarkdownNote source={item.note} className="annotation-item__note" testId="annotation-note" />}

      {item.saveState === 'failed' && (
        <div className="annotation-item__failed" role="alert" data-testid="annotation-failed">
          <span>
            {t('annotations.failed')}: {annotationErrorMessage(failedError, t)}
          </span>
          <button type="button" className="button button--small" onClick={() => props.onRetry(item.id)} data-testid="annotation-retry">
            {t('annotations.retry')}
          </button>
          <button type="button" className="button button--small button--secondary" onClick={() => props.onDiscard(item.id)} data-testid="annotation-discard">
            {t('annotations.discard')}
          </button>
        </div>
      )}

      {editing && (
        <form
          className="annotation-edit"
          onSubmit={(e) => {
            e.preventDefault();
            save();
          }}
          onClick={(e) => e.stopPropagation()}
        >
          <label>
            {t('annotations.tag')}{' '}
            <select value={tag} onChange={(e) => setTag(e.target.value as AnnotationTag)} data-testid="annotation-edit-tag">
              {ANNOTATION_TAGS.map((x) => (
                <option key={x} value={x}>
                  {t(`tags.${x}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('annotations.noteLabel')}
            <textarea value={note} onChange={(e) => setNote(e.target.value)} rows={3} data-testid="annotation-edit-note" />
          </label>
          <div className="annotation-edit__actions">
            <button type="submit" className="button button--small" data-testid="annotation-save">
              {t('annotations.save')}
            </button>
            <button type="button" className="button button--small button--secondary" onClick={() => setEditing(false)} data-testid="annotation-edit-cancel">
              {t('annotations.cancel')}
            </button>
          </div>
        </form>
      )}

      {item.saveState === 'confirmed' && !editing && (
        <div className="annotation-item__actions" onClick={(e) => e.stopPropagation()}>
          <button type="button" className="button button--link" onClick={() => props.onJump(item.id)} data-testid="annotation-jump">
            {t('annotations.jump')}
          </button>
          {abilities?.edit && (
            <>
              <button
                type="button"
                className="button button--link"
                onClick={() => {
                  setTag(item.tag);
                  setNote(item.note ?? '');
                  setEditing(true);
                }}
                data-testid="annotation-edit"
              >
                {t('annotations.edit')}
              </button>
              <button
                type="button"
                className="button button--link"
                onClick={() => props.onEdit(item.id, { visibility: item.visibility === 'private' ? 'shared' : 'private' })}
                data-testid="annotation-visibility"
              >
                {item.visibility === 'private' ? t('annotations.makeShared') : t('annotations.makePrivate')}
              </button>
            </>
          )}
          {abilities?.edit && focused && props.hasSelection && (
            <button
              type="button"
              className="button button--link"
              onMouseDown={(e) => e.preventDefault()}
              onClick={(e) => {
                e.stopPropagation();
                props.onMoveHere(item.id);
              }}
              data-testid="annotation-move"
            >
              {t('annotations.moveHere')}
            </button>
          )}
          {abilities?.delete && (
            <button type="button" className="button button--link button--danger" onClick={() => props.onDelete(item.id)} data-testid="annotation-delete">
              {t('annotations.delete')}
            </button>
          )}
          <button type="button" className="button button--link" aria-expanded={showHistory} onClick={() => setShowHistory((s) => !s)} data-testid="annotation-history-toggle">
            {showHistory ? t('annotations.hideHistory') : t('annotations.history')}
          </button>
        </div>
      )}
      {item.saveState === 'confirmed' && !editing && (
        <AnnotationLinks item={item} documentId={props.documentId} myId={props.myId} canLink={props.canLink} flagged={props.flaggedIds.has(item.id)} />
      )}
      {showHistory && <History id={item.id} language={i18n.resolvedLanguage ?? i18n.language} />}
      {focused && item.saveState === 'confirmed' && <AnnotationComments annotationId={item.id} canComment={props.canLink} />}
    </article>
  );
}

/** `annotation.updated` → `updated`: i18next reads dots in keys as nesting. */
function eventName(type: AnnotationHistoryEntry['type']) {
  return type.slice(type.indexOf('.') + 1) as 'created' | 'updated' | 'deleted' | 'restored' | 'reanchored';
}

function History({ id, language }: { id: string; language: string }) {
  const { t } = useTranslation();
  const history = useAnnotationHistory(id, true);
  if (history.isPending) return <p className="status">{t('annotations.historyLoading')}</p>;
  if (history.isError) return <p className="form-error">{annotationErrorMessage(history.error, t)}</p>;
  if (history.data.items.length === 0) return <p className="status">{t('annotations.historyEmpty')}</p>;
  return (
    <ol className="annotation-history" data-testid="annotation-history">
      {history.data.items.map((entry) => (
        <li key={entry.seq}>
          {t('annotations.historyEntry', { type: t(`annotations.events.${eventName(entry.type)}`), actor: entry.actor?.name ?? t('annotations.unknownActor'), date: formatDateTime(entry.at, language) })}
          {entry.type === 'annotation.updated' && <span className="annotation-history__fields"> ({Object.keys(entry.changes).join(', ')})</span>}
        </li>
      ))}
    </ol>
  );
}
