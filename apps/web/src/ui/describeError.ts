// Turns any thrown value into a translated headline plus, when useful, the server's own words.
import type { TFunction } from 'i18next';
import { ApiError, ClientErrorCode } from '../api/client';

export interface ErrorDescription {
  headline: string;
  /** The server's explanation (English, from the API) when it adds something. */
  detail?: string;
}

const KNOWN_CODES = [
  'validation_failed',
  'payload_too_large',
  'unsupported_media_type',
  'unprocessable_content',
  'not_found',
  'service_unavailable',
  'internal_error',
  'unauthenticated',
  'forbidden',
  'csrf_failed',
  'rate_limited',
  'conflict',
  'signup_closed',
] as const;
type KnownCode = (typeof KNOWN_CODES)[number];

function isKnownCode(code: string): code is KnownCode {
  return (KNOWN_CODES as readonly string[]).includes(code);
}

export function describeError(error: unknown, t: TFunction): ErrorDescription {
  if (!(error instanceof ApiError)) {
    return { headline: t('boundary.heading'), detail: error instanceof Error ? error.message : undefined };
  }
  if (error.code === ClientErrorCode.Network) return { headline: t('errors.network') };
  if (error.code === ClientErrorCode.InvalidResponse) return { headline: t('errors.invalidResponse'), detail: error.message };
  const detail = error.fromServer ? error.message : undefined;
  if (error.status === 429 && error.retryAfterSeconds !== undefined) return { headline: describeWait(error.retryAfterSeconds, t) };
  if (isKnownCode(error.code)) return { headline: t(`errors.codes.${error.code}`), detail };
  return { headline: t('errors.status', { status: error.status }), detail };
}

/** "Try again in 40 seconds" up to a minute and a half, whole minutes (rounded up) beyond. */
function describeWait(seconds: number, t: TFunction): string {
  const wait = Math.max(1, Math.ceil(seconds));
  if (wait <= 90) return t('errors.retryInSeconds', { count: wait });
  return t('errors.retryInMinutes', { count: Math.ceil(wait / 60) });
}
