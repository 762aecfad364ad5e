// relief.tsx — the pages of relief (SPEC §11): cases, documents, liability, accountability: its routes and
// its entries in each role's navigation (main.tsx and layout.tsx merge them).
import type { NavItem, Route } from './types';
import type { Key } from '../i18n';
import { CasesPage } from '../pages/relief/cases';
import { CasePage } from '../pages/relief/case';
import { TasksPage } from '../pages/relief/tasks';
import { MyCasesPage } from '../pages/relief/mycases';
import { OrdersPage } from '../pages/relief/orders';
import { AccountabilityPage } from '../pages/relief/accountability';

export const routes: Route[] = [
  { re: /^\/cases$/, page: ({ query }) => <CasesPage query={query} />, roles: ['admin', 'regulator'], wide: true },
  { re: /^\/cases\/([^/]+)$/, page: ({ params }) => <CasePage number={decodeURIComponent(params[0])} />, roles: ['admin', 'regulator', 'enterprise', 'worker'], wide: true },
  { re: /^\/inspection-tasks$/, page: ({ query }) => <TasksPage query={query} />, roles: ['admin', 'regulator'], wide: true },
  { re: /^\/me\/cases$/, page: () => <MyCasesPage />, roles: ['worker'] },
  { re: /^\/orders$/, page: () => <OrdersPage />, roles: ['enterprise'], wide: true },
  { re: /^\/accountability$/, page: ({ query }) => <AccountabilityPage query={query} />, roles: ['admin', 'regulator'], wide: true },
];

export const nav: NavItem<Key>[] = [
  { href: '/cases', key: 'relief.nav.cases', roles: ['admin', 'regulator'] },
  { href: '/inspection-tasks', key: 'relief.nav.tasks', roles: ['admin', 'regulator'] },
  { href: '/accountability', key: 'relief.nav.accountability', roles: ['admin', 'regulator'] },
  { href: '/me/cases', key: 'relief.nav.myCases', roles: ['worker'] },
  { href: '/orders', key: 'relief.nav.orders', roles: ['enterprise'] },
];
