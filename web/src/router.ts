// router.ts — client-side routes on the History API: navigate(), useLocation() and the
// click handler that turns same-origin <a href="/..."> clicks into navigations.
import { useLayoutEffect, useState } from 'preact/hooks';

const listeners = new Set<() => void>();

export function navigate(to: string, replace = false): void {
  if (to === location.pathname + location.search) return;
  if (replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  listeners.forEach((f) => f());
  if (!replace) window.scrollTo(0, 0);
}

window.addEventListener('popstate', () => listeners.forEach((f) => f()));

export interface Loc {
  path: string;
  query: URLSearchParams;
}

function current(): Loc {
  return { path: location.pathname.replace(/\/+$/, '') || '/', query: new URLSearchParams(location.search) };
}

export function useLocation(): Loc {
  const [loc, setLoc] = useState(() => ({ ...current(), href: location.href }));
  useLayoutEffect(() => {
    let href = loc.href;
    const f = () => {
      if (location.href === href) return;
      href = location.href;
      setLoc({ ...current(), href });
    };
    listeners.add(f);
    f(); // a navigation between the first render and this subscription is not lost
    return () => {
      listeners.delete(f);
    };
  }, []);
  return loc;
}

/** Installs the document-wide handler for internal links (call once). */
export function interceptLinks(): void {
  document.addEventListener('click', (e) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    const a = (e.target as Element).closest?.('a');
    if (!a || a.target || a.hasAttribute('download')) return;
    const href = a.getAttribute('href');
    if (!href || !href.startsWith('/') || href.startsWith('//') || href.startsWith('/api/')) return;
    e.preventDefault();
    navigate(href);
  });
}

/** Replaces the query string of the current path (filters, paging) without a new entry. */
export function setQuery(params: Record<string, string | number | undefined | null>, push = false): void {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') u.set(k, String(v));
  const s = u.toString();
  navigate(location.pathname + (s ? '?' + s : ''), !push);
}
