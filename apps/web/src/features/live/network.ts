// The browser's own idea of being online (navigator.onLine and its online/offline events).
import { useSyncExternalStore } from 'react';
import { browserOnline } from './outbox';

function subscribeOnline(notify: () => void): () => void {
  window.addEventListener('online', notify);
  window.addEventListener('offline', notify);
  return () => {
    window.removeEventListener('online', notify);
    window.removeEventListener('offline', notify);
  };
}

export function useBrowserOnline(): boolean {
  return useSyncExternalStore(subscribeOnline, browserOnline, () => true);
}
