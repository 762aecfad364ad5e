// layout.tsx — the frame of every page: skip link, the service header with the language
// switch and the user, the navigation of the user's role, and the footer.
import type { ComponentChildren } from 'preact';
import { getLang, setLang, t, Key } from '../i18n';
import { currentUser, logout } from '../session';
import { navigate } from '../router';
import type { User } from '../api';
import { Hotline } from './ui';
import * as relief from '../systems/relief';
import * as deposit from '../systems/deposit';
import * as credit from '../systems/credit';
import * as supervision from '../systems/supervision';

interface NavItem {
  href: string;
  key: Key;
}

// the core's entries, then each system's for the role (systems/*.tsx)
function navFor(u: User | null): NavItem[] {
  const extra = [...relief.nav, ...deposit.nav, ...credit.nav, ...supervision.nav].filter((n) =>
    n.roles === 'public' ? !u : !!u && n.roles.includes(u.role),
  );
  return [...coreNav(u), ...extra];
}

function coreNav(u: User | null): NavItem[] {
  const pub: NavItem[] = [
    { href: '/check', key: 'nav.check' },
    { href: '/public', key: 'nav.public' },
    { href: '/complaint', key: 'nav.complaint' },
  ];
  if (!u) return pub;
  switch (u.role) {
    case 'admin':
    case 'regulator':
      return [
        { href: '/dashboard', key: 'nav.dashboard' },
        { href: '/projects', key: 'nav.projects' },
        { href: '/warnings', key: 'nav.warnings' },
        ...(u.role === 'admin' ? [{ href: '/upload', key: 'nav.upload' as Key }] : []),
        { href: '/public', key: 'nav.public' },
      ];
    case 'enterprise':
      return [
        { href: '/projects', key: 'nav.projects' },
        { href: '/warnings', key: 'nav.warnings' },
        { href: '/upload', key: 'nav.upload' },
        { href: '/public', key: 'nav.public' },
      ];
    case 'bank':
      return [
        { href: '/upload', key: 'nav.upload' },
        { href: '/projects', key: 'nav.projects' },
      ];
    case 'worker':
      return [
        { href: '/me', key: 'nav.me' },
        { href: '/me/complaint', key: 'nav.complaint' },
        { href: '/check', key: 'nav.check' },
      ];
  }
  return pub;
}

function Emblem() {
  return (
    <svg class="emblem" viewBox="0 0 40 40" aria-hidden="true" focusable="false">
      <circle cx="20" cy="20" r="19" fill="#c8161d" />
      <path d="M20 7.5l3.1 9.4h9.9l-8 5.8 3.1 9.4-8.1-5.8-8 5.8 3-9.4-8-5.8h9.9z" fill="#ffd54a" />
    </svg>
  );
}

export function Layout(props: { path: string; children: ComponentChildren; wide?: boolean }) {
  const u = currentUser();
  const items = navFor(u);
  const other = getLang() === 'zh' ? 'en' : 'zh';
  const active = (href: string) => props.path === href || (href !== '/me' && props.path.startsWith(href + '/'));
  return (
    <div class="shell">
      <a class="skip" href="#main">
        {t('app.skip')}
      </a>
      <header class="top" role="banner">
        <div class="top-inner">
          <a class="brand" href={u ? '/' : '/login'}>
            <Emblem />
            <span class="brand-text">
              <span class="brand-title">{t('app.title')}</span>
              <span class="brand-sub">{t('app.subtitle')}</span>
            </span>
          </a>
          <div class="top-tools">
            <button type="button" class="lang" lang={other === 'en' ? 'en' : 'zh-CN'} aria-label={t('app.langLabel')} onClick={() => setLang(other)} data-testid="lang">
              {t('app.lang')}
            </button>
            {u ? (
              <span class="who">
                <span class="who-name" data-testid="who">
                  {u.display_name || u.username}
                </span>
                <span class="who-role">{t(('role.' + u.role) as Key)}</span>
                <button
                  type="button"
                  class="btn btn-ghost"
                  onClick={async () => {
                    await logout();
                    navigate('/login');
                  }}
                >
                  {t('nav.logout')}
                </button>
              </span>
            ) : (
              props.path !== '/login' && (
                <a class="btn btn-ghost" href="/login">
                  {t('nav.login')}
                </a>
              )
            )}
          </div>
        </div>
        <nav class="mainnav" aria-label={t('nav.main')}>
          <ul>
            {items.map((it) => (
              <li>
                <a href={it.href} aria-current={active(it.href) ? 'page' : undefined}>
                  {t(it.key)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" class={props.wide ? 'wide' : ''}>
        {props.children}
      </main>
      <footer class="foot">
        <p>
          <strong>
            <Hotline />
          </strong>
        </p>
        <p>{t('app.footer')}</p>
      </footer>
    </div>
  );
}
