// login.tsx — user name and password, POST /api/v1/session, then the role's landing page;
// links to the public services that need no login.
import { useState } from 'preact/hooks';
import { ApiError } from '../api';
import { t } from '../i18n';
import { landing, login } from '../session';
import { navigate } from '../router';
import { sessionExpired } from '../drafts';
import { Alert, Field, Hotline, PageTitle } from '../components/ui';

export function LoginPage() {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [expired] = useState(sessionExpired);

  async function submit(e: Event) {
    e.preventDefault();
    setError('');
    setBusy(true);
    try {
      const u = await login(username.trim(), password);
      const next = new URLSearchParams(location.search).get('next');
      navigate(next && next.startsWith('/') && !next.startsWith('//') ? next : landing(u), true);
    } catch (err) {
      const ae = err as ApiError;
      // the throttle's answer names the time to wait (rendered by the server in our language)
      setError(
        ae.messageId === 'auth.locked' || ae.status === 429
          ? ae.message || t('login.throttled')
          : ae.status === 401 || ae.status === 403 || ae.status === 400
            ? t('login.failed')
            : t('app.error', { msg: ae.message }),
      );
      setBusy(false);
    }
  }

  return (
    <div class="login-grid">
      <section class="card login-card" aria-labelledby="login-h">
        <div class="card-body">
          <PageTitle>
            <span id="login-h">{t('login.title')}</span>
          </PageTitle>
          <p class="muted">{t('login.lead')}</p>
          {expired.expired && !error && (
            <Alert kind="warning" id="login-expired">
              {t('app.sessionExpired')}
              {expired.draft ? ' ' + t('login.draftKept') : ''}
            </Alert>
          )}
          {error && <Alert kind="error">{error}</Alert>}
          <form onSubmit={submit} class="form" novalidate>
            <Field id="username" label={t('login.username')} required>
              <input id="username" name="username" autocomplete="username" value={username} onInput={(e) => setUsername((e.target as HTMLInputElement).value)} required autofocus />
            </Field>
            <Field id="password" label={t('login.password')} required>
              <input id="password" name="password" type="password" autocomplete="current-password" value={password} onInput={(e) => setPassword((e.target as HTMLInputElement).value)} required />
            </Field>
            <button type="submit" class="btn btn-primary btn-block" disabled={busy || !username || !password}>
              {busy ? t('login.busy') : t('login.submit')}
            </button>
          </form>
        </div>
      </section>
      <section class="card public-card" aria-labelledby="pub-h">
        <div class="card-body">
          <h2 id="pub-h">{t('login.publicTitle')}</h2>
          <ul class="linklist">
            <li>
              <a href="/check">{t('login.publicCheck')}</a>
            </li>
            <li>
              <a href="/complaint">{t('login.publicComplaint')}</a>
            </li>
            <li>
              <a href="/public">{t('login.publicBoard')}</a>
            </li>
          </ul>
          <p class="hotline-big">
            <Hotline />
          </p>
        </div>
      </section>
    </div>
  );
}
