// main.tsx — starts the UI: loads the session, applies the language, and maps paths to pages
// (public pages need no login; the others send a visitor without a session to /login).
import { render } from 'preact';
import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import './styles.css';
import { applyLang, getLang, onLang, t } from './i18n';
import { interceptLinks, navigate, useLocation } from './router';
import { currentUser, landing, loadMe, onSession, sessionLoaded, sessionVersion } from './session';
import { Layout } from './components/layout';
import { Alert, Loading, PageTitle } from './components/ui';
import { restoreDraft } from './drafts';
import { LoginPage } from './pages/login';
import { DashboardPage } from './pages/dashboard';
import { ProjectsPage } from './pages/projects';
import { ProjectPage } from './pages/project';
import { WarningsPage } from './pages/warnings';
import { UploadPage } from './pages/upload';
import { WorkerPage } from './pages/worker';
import { ComplaintPage } from './pages/complaint';
import { CheckPage } from './pages/check';
import { PublicIndexPage, PublicProjectPage } from './pages/public';
import type { Role, Route } from './systems/types';
import * as relief from './systems/relief';
import * as deposit from './systems/deposit';
import * as credit from './systems/credit';
import * as supervision from './systems/supervision';

const staff: Role[] = ['admin', 'regulator', 'enterprise', 'bank'];
const core: Route[] = [
  { re: /^\/login$/, page: () => <LoginPage /> },
  { re: /^\/dashboard$/, page: () => <DashboardPage />, roles: ['admin', 'regulator'], wide: true },
  { re: /^\/projects$/, page: ({ query }) => <ProjectsPage query={query} />, roles: staff, wide: true },
  { re: /^\/projects\/([^/]+)$/, page: ({ params }) => <ProjectPage code={decodeURIComponent(params[0])} />, roles: staff, wide: true },
  { re: /^\/warnings$/, page: ({ query }) => <WarningsPage query={query} />, roles: ['admin', 'regulator', 'enterprise'], wide: true },
  { re: /^\/upload$/, page: () => <UploadPage />, roles: ['admin', 'enterprise', 'bank'] },
  { re: /^\/me$/, page: () => <WorkerPage />, roles: ['worker'] },
  { re: /^\/me\/complaint$/, page: () => <ComplaintPage worker />, roles: ['worker'] },
  { re: /^\/complaint$/, page: () => <ComplaintPage /> },
  { re: /^\/check$/, page: ({ query }) => <CheckPage code={query.get('code') || ''} /> },
  { re: /^\/public$/, page: () => <PublicIndexPage /> },
  { re: /^\/public\/projects\/([^/]+)$/, page: ({ params, query }) => <PublicProjectPage code={decodeURIComponent(params[0])} period={query.get('period') || ''} /> },
];
// each system's pages (systems/*.tsx) follow the core's
const routes: Route[] = [...core, ...relief.routes, ...deposit.routes, ...credit.routes, ...supervision.routes];

function NotFound() {
  return (
    <div class="narrow">
      <PageTitle>{t('app.notFound')}</PageTitle>
      <p>{t('app.notFoundHint')}</p>
      <p>
        <a class="btn btn-primary" href="/">
          {t('app.backHome')}
        </a>
      </p>
    </div>
  );
}

/** Puts back what the user had typed on this page when their session expired. */
function DraftRestorer({ href }: { href: string }) {
  const [restored, setRestored] = useState(false);
  useEffect(() => restoreDraft(setRestored), [href]);
  return restored ? (
    <Alert kind="info" id="draft-restored">
      {t('app.draftRestored')}
    </Alert>
  ) : null;
}

function App() {
  const loc = useLocation();
  const [, force] = useState(0);
  const seen = sessionVersion();
  useLayoutEffect(() => {
    const off = onSession(() => force((x) => x + 1));
    // the session may have changed (GET /me answered) before this subscription
    if (sessionVersion() !== seen) force((x) => x + 1);
    return off;
  }, []);
  useLayoutEffect(() => onLang(() => force((x) => x + 1)), []);
  const u = currentUser();

  if (!sessionLoaded())
    return (
      <Layout path={loc.path}>
        <Loading />
      </Layout>
    );

  if (loc.path === '/') {
    queueMicrotask(() => navigate(landing(u), true));
    return <Layout path={loc.path}>{null}</Layout>;
  }
  if (loc.path === '/login' && u) {
    const next = loc.query.get('next');
    queueMicrotask(() => navigate(next && next.startsWith('/') && !next.startsWith('//') ? next : landing(u), true));
    return <Layout path={loc.path}>{null}</Layout>;
  }
  for (const r of routes) {
    const m = r.re.exec(loc.path);
    if (!m) continue;
    if (r.roles && !u) {
      queueMicrotask(() => navigate('/login?next=' + encodeURIComponent(loc.path + location.search), true));
      return <Layout path={loc.path}>{null}</Layout>;
    }
    if (r.roles && u && !r.roles.includes(u.role)) {
      queueMicrotask(() => navigate(landing(u), true));
      return <Layout path={loc.path}>{null}</Layout>;
    }
    return (
      <Layout path={loc.path} wide={r.wide}>
        <div key={getLang() + loc.path} class="page">
          {u && <DraftRestorer href={loc.path + location.search} />}
          {r.page({ params: m.slice(1), query: loc.query })}
        </div>
      </Layout>
    );
  }
  return (
    <Layout path={loc.path}>
      <NotFound />
    </Layout>
  );
}

applyLang();
interceptLinks();
render(<App />, document.getElementById('app')!);
loadMe();
