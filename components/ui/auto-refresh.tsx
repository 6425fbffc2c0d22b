'use client';
// Asks the server for the page again every `everyMs` while it is shown and its tab visible (router.refresh keeps the
// scroll position, focus and form input): for a page that says its content is still being prepared
// and will be shown when ready. It renders nothing; the page says what is going on in words.
import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

export function AutoRefresh({ everyMs }: { everyMs: number }) {
  const router = useRouter();
  useEffect(() => {
    // Not while the tab is in the background: nobody is reading it, and each ask costs the server a render.
    const timer = setInterval(() => document.visibilityState === 'visible' && router.refresh(), everyMs);
    return () => clearInterval(timer);
  }, [router, everyMs]);
  return null;
}
