// api.ts — the one place that talks to /api/v1: JSON in and out, the session cookie (sent by
// the browser), the X-CSRF-Token header on every state-changing request, errors as ApiError.
// Error messages come from the server's message catalogue (src/util/msg.def) in the UI's
// language (sent as Accept-Language); message_id is the stable code to branch on.
import { getLang } from './i18n';

export interface User {
  username: string;
  role: 'admin' | 'regulator' | 'enterprise' | 'bank' | 'worker';
  scope: string;
  display_name?: string;
}

export interface Page<T> {
  items: T[];
  page: number;
  per_page: number;
  total: number;
}

export interface RejectedLine {
  line: number;
  column?: string;
  message: string;
  message_id?: string;
  params?: Record<string, string>;
}

export class ApiError extends Error {
  status: number;
  code: string;
  details: RejectedLine[];
  /** the catalogue code of the message ("auth.locked"), '' when the server sent none */
  messageId: string;
  params: Record<string, string>;
  constructor(status: number, code: string, message: string, details: RejectedLine[] = [], messageId = '', params: Record<string, string> = {}) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details;
    this.messageId = messageId;
    this.params = params;
  }
}

let csrfToken = '';
let unauthenticated: (() => void) | null = null;
/** Who hears of a 401 (session.ts: the session has ended). */
export function onUnauthenticated(f: () => void): void {
  unauthenticated = f;
}
export function setCsrf(token: string | undefined): void {
  csrfToken = token || '';
}

type Body = string | Blob | File | object | undefined;

export async function request<T>(method: string, path: string, body?: Body, contentType?: string): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': getLang() === 'en' ? 'en' : 'zh-CN' };
  let payload: BodyInit | undefined;
  if (body instanceof Blob) {
    payload = body;
    headers['Content-Type'] = contentType || 'text/csv';
  } else if (typeof body === 'string') {
    payload = body;
    headers['Content-Type'] = contentType || 'text/plain; charset=utf-8';
  } else if (body !== undefined) {
    payload = JSON.stringify(body);
    headers['Content-Type'] = 'application/json';
  }
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch('/api/v1' + path, { method, headers, body: payload, credentials: 'same-origin' });
  } catch (e) {
    throw new ApiError(0, 'NETWORK', String((e as Error).message || e));
  }
  const text = await res.text();
  let data: any = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (!res.ok) {
    const err = (data && data.error) || {};
    // a wrong password at login is a 401 too, but there is no session to lose then
    if (res.status === 401 && path !== '/session' && path !== '/me') queueMicrotask(() => unauthenticated?.());
    throw new ApiError(
      res.status,
      err.code || 'HTTP_' + res.status,
      err.message || res.statusText || 'error',
      Array.isArray(err.details) ? err.details : [],
      typeof err.message_id === 'string' ? err.message_id : '',
      err.params && typeof err.params === 'object' ? err.params : {},
    );
  }
  return data as T;
}

export const get = <T>(path: string) => request<T>('GET', path);
export const post = <T>(path: string, body?: Body, contentType?: string) => request<T>('POST', path, body, contentType);
export const del = <T>(path: string) => request<T>('DELETE', path);

/** A query string from the non-empty values of params ("" when none). */
export function qs(params: Record<string, string | number | boolean | undefined | null>): string {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '' || v === false) continue;
    u.set(k, v === true ? '1' : String(v));
  }
  const s = u.toString();
  return s ? '?' + s : '';
}

/** Lists may come as a bare array or as a page object; both become a page. */
export function asPage<T>(data: T[] | Page<T> | null | undefined): Page<T> {
  if (!data) return { items: [], page: 1, per_page: 0, total: 0 };
  if (Array.isArray(data)) return { items: data, page: 1, per_page: data.length, total: data.length };
  return { ...data, items: data.items || [] };
}

export const enc = encodeURIComponent;
