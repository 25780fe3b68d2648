// How long a session lives (ASVS 5.0 V7.3): ended after a week without use, and after
// thirty days whatever the use; last-seen is written at most once a minute per session.
export const SESSION_IDLE_TIMEOUT_SECONDS = 7 * 24 * 60 * 60;
export const SESSION_ABSOLUTE_LIFETIME_SECONDS = 30 * 24 * 60 * 60;
export const LAST_SEEN_RESOLUTION_SECONDS = 60;
