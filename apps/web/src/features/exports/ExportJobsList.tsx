// The person's exports run in the background (the last day's): progress while they run, a
// Download link once done, why one failed, and Remove. Polled once a second while any runs, so
// the dialog can be closed and opened again later without losing a job.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { listExportJobs, removeExportJob, type ExportJob } from '../../api/exportJobs';
import { formatBytes } from '../../i18n/format';

export const exportJobKeys = { all: ['exportJobs'] as const };

const POLL_MS = 1_000;
const SHOWN = 5;

export function useExportJobs() {
  return useQuery({
    queryKey: exportJobKeys.all,
    queryFn: ({ signal }) => listExportJobs(signal),
    refetchInterval: (query) => (query.state.data?.items.some((job) => job.status === 'running') ? POLL_MS : false),
  });
}

export function ExportJobsList() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const queryClient = useQueryClient();
  const jobs = useExportJobs();
  const remove = useMutation({
    mutationFn: removeExportJob,
    onSettled: () => queryClient.invalidateQueries({ queryKey: exportJobKeys.all }),
  });
  const items = (jobs.data?.items ?? []).slice(0, SHOWN);
  if (items.length === 0) return null;

  const describe = (job: ExportJob) =>
    job.status === 'running'
      ? t('exports.jobs.running', { done: job.done, total: job.total, size: formatBytes(job.bytes, language) })
      : job.status === 'done'
        ? t('exports.jobs.done', { size: formatBytes(job.bytes, language) })
        : t('exports.jobs.failed', { error: job.error ?? '' });

  return (
    <section className="export-jobs" aria-labelledby="export-jobs-heading" data-testid="export-jobs">
      <h3 id="export-jobs-heading">{t('exports.jobs.heading')}</h3>
      <ul>
        {items.map((job) => (
          <li key={job.id} className={`export-job export-job--${job.status}`} data-testid="export-job" data-status={job.status}>
            <span className="export-job__name">{job.fileName}</span>
            <span className="export-job__state" role="status">
              {describe(job)}
            </span>
            {job.status === 'running' && <progress max={Math.max(job.total, 1)} value={job.done} aria-label={job.fileName} />}
            {job.fileUrl && (
              <a className="button button--small button--primary" href={job.fileUrl} download={job.fileName} data-testid="export-job-download">
                {t('exports.jobs.download')}
              </a>
            )}
            <button type="button" className="button button--small button--secondary" onClick={() => remove.mutate(job.id)} data-testid="export-job-remove">
              {job.status === 'running' ? t('exports.jobs.cancel') : t('exports.jobs.remove')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
