// drafts.ts — what the user typed survives an expired session: when the session ends under a
// page, the values of its form fields are kept in sessionStorage with the page's address;
// after the user has logged in again and is back on that page, they are put back (through
// the fields' own input events, so the page's state follows) and the user is told so.
const KEY = 'wg.draft';
const EXPIRED = 'wg.expired';

interface Draft {
  href: string; // pathname + search
  fields: Record<string, string | boolean>;
}

type Field = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

function fieldsOf(root: ParentNode): Field[] {
  return Array.from(root.querySelectorAll<Field>('main input[id], main textarea[id], main select[id]')).filter((f) => {
    if (f instanceof HTMLInputElement && ['password', 'file', 'hidden', 'submit', 'button'].includes(f.type)) return false;
    return !f.closest('[role=search]'); // filters live in the address already
  });
}

/** Keeps the current page's typed values (called when the session is found ended). */
export function saveDraft(): void {
  const fields: Record<string, string | boolean> = {};
  let n = 0;
  for (const f of fieldsOf(document)) {
    if (f instanceof HTMLInputElement && (f.type === 'checkbox' || f.type === 'radio')) {
      fields[f.id] = f.checked;
    } else if (f.value !== '') {
      fields[f.id] = f.value;
      n++;
    }
  }
  try {
    sessionStorage.setItem(EXPIRED, '1');
    if (n) sessionStorage.setItem(KEY, JSON.stringify({ href: location.pathname + location.search, fields } as Draft));
  } catch {
    /* storage unavailable: nothing kept */
  }
}

/** Whether the last session ended by expiring (the login page says so), and a draft waits. */
export function sessionExpired(): { expired: boolean; draft: boolean } {
  try {
    return { expired: sessionStorage.getItem(EXPIRED) === '1', draft: !!sessionStorage.getItem(KEY) };
  } catch {
    return { expired: false, draft: false };
  }
}

export function markExpired(): void {
  try {
    sessionStorage.setItem(EXPIRED, '1');
  } catch {
    /* not kept */
  }
}

export function clearExpired(): void {
  try {
    sessionStorage.removeItem(EXPIRED);
  } catch {
    /* not kept */
  }
}

function setValue(f: Field, v: string | boolean): void {
  if (typeof v === 'boolean') {
    if ((f as HTMLInputElement).checked !== v) (f as HTMLInputElement).click();
    return;
  }
  // the native setter, so frameworks that track the value see the change
  const proto = f instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : f instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(f, v);
  f.dispatchEvent(new Event('input', { bubbles: true }));
  f.dispatchEvent(new Event('change', { bubbles: true }));
}

/** On the page the draft was kept for, puts its values back as the fields appear (a page
 * may draw its form after loading data); calls done(true) once anything was restored. */
export function restoreDraft(done: (restored: boolean) => void): () => void {
  let d: Draft | null = null;
  try {
    d = JSON.parse(sessionStorage.getItem(KEY) || 'null');
  } catch {
    d = null;
  }
  if (!d || d.href !== location.pathname + location.search) return () => {};
  const pending = new Map(Object.entries(d.fields));
  let restored = false;
  const apply = () => {
    for (const [id, v] of pending) {
      const f = document.getElementById(id) as Field | null;
      if (!f || !f.closest('main')) continue;
      setValue(f, v);
      pending.delete(id);
      restored = true;
    }
    if (!pending.size) finish();
    else if (restored && !grace) grace = setTimeout(() => finish(), 1000); // fields a choice reveals
  };
  let grace: ReturnType<typeof setTimeout> | undefined;
  const obs = new MutationObserver(apply);
  const timer = setTimeout(() => finish(), 15000);
  let over = false;
  function finish() {
    if (over) return;
    over = true;
    obs.disconnect();
    clearTimeout(timer);
    if (grace) clearTimeout(grace);
    try {
      sessionStorage.removeItem(KEY);
    } catch {
      /* gone */
    }
    done(restored);
  }
  obs.observe(document.body, { childList: true, subtree: true });
  queueMicrotask(apply);
  return () => {
    if (!over) {
      over = true;
      obs.disconnect();
      clearTimeout(timer);
    }
  };
}
