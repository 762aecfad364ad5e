// session.ts — who is logged in: GET /api/v1/me at start, POST/DELETE /api/v1/session, and
// the landing page of each role.
import { ApiError, User, del, get, onUnauthenticated, post, setCsrf } from './api';
import { clearExpired, markExpired, saveDraft } from './drafts';

let user: User | null = null;
let loaded = false;
let version = 0;
const listeners = new Set<() => void>();

function changed() {
  version++;
  listeners.forEach((f) => f());
}

/** Grows with every change of the session, so a late subscriber can tell it missed one. */
export function sessionVersion(): number {
  return version;
}

export function onSession(f: () => void): () => void {
  listeners.add(f);
  return () => listeners.delete(f);
}

export function currentUser(): User | null {
  return user;
}

export function sessionLoaded(): boolean {
  return loaded;
}

export async function loadMe(): Promise<void> {
  try {
    const me = await get<User & { csrf_token?: string }>('/me');
    user = { username: me.username, role: me.role, scope: me.scope, display_name: me.display_name };
    setCsrf(me.csrf_token);
  } catch (e) {
    if (!(e instanceof ApiError) || (e.status !== 401 && e.status !== 403)) console.warn('me:', e);
    // a session cookie the server no longer knows: the login page says it expired
    if (e instanceof ApiError && e.messageId === 'auth.session_expired') markExpired();
    user = null;
    setCsrf('');
  }
  loaded = true;
  changed();
}

export async function login(username: string, password: string): Promise<User> {
  const r = await post<{ user: User; csrf_token: string }>('/session', { username, password });
  clearExpired();
  user = r.user;
  setCsrf(r.csrf_token);
  changed();
  return r.user;
}

export async function logout(): Promise<void> {
  try {
    await del('/session');
  } catch {
    /* gone already */
  }
  user = null;
  setCsrf('');
  changed();
}

/** Called when an API call answers 401: the session has ended (expired, or ended elsewhere).
 * What the user typed on the page is kept for after the new login. */
export function sessionLost(): void {
  if (user) {
    saveDraft();
    user = null;
    setCsrf('');
    changed();
  }
}

export function landing(u: User | null): string {
  if (!u) return '/login';
  switch (u.role) {
    case 'admin':
    case 'regulator':
      return '/dashboard';
    case 'enterprise':
      return '/projects';
    case 'bank':
      return '/upload';
    case 'worker':
      return '/me';
  }
  return '/';
}

// any API call answering 401 while logged in means the session has ended
onUnauthenticated(sessionLost);
