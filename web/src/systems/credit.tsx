// credit.tsx — the pages of credit files, grades and the dishonest-employer list (SPEC §9): its routes and
// its entries in each role's navigation (main.tsx and layout.tsx merge them).
import type { NavItem, Route } from './types';
import type { Key } from '../i18n';
import { CreditOverviewPage } from '../pages/credit/overview';
import { CreditFilePage, MyCreditPage } from '../pages/credit/file';
import { PublicListPage } from '../pages/credit/publiclist';

export const routes: Route[] = [
  { re: /^\/credit$/, page: ({ query }) => <CreditOverviewPage query={query} />, roles: ['admin', 'regulator'], wide: true },
  { re: /^\/credit\/files\/([^/]+)$/, page: ({ params, query }) => <CreditFilePage uscc={decodeURIComponent(params[0])} query={query} />, roles: ['admin', 'regulator', 'enterprise'], wide: true },
  { re: /^\/credit\/mine$/, page: ({ query }) => <MyCreditPage query={query} />, roles: ['enterprise'], wide: true },
  { re: /^\/public\/dishonest-list$/, page: ({ query }) => <PublicListPage query={query} />, wide: true },
];

export const nav: NavItem<Key>[] = [
  { href: '/credit', key: 'credit.nav.overview', roles: ['admin', 'regulator'] },
  { href: '/credit/mine', key: 'credit.nav.mine', roles: ['enterprise'] },
  { href: '/public/dishonest-list', key: 'credit.nav.list', roles: 'public' },
  { href: '/public/dishonest-list', key: 'credit.nav.list', roles: ['admin', 'regulator', 'enterprise', 'bank', 'worker'] },
];
