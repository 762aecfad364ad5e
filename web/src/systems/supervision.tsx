// supervision.tsx — the pages of supervision (SPEC §10): inspections, rectification orders, draws, campaigns: its routes and
// its entries in each role's navigation (main.tsx and layout.tsx merge them).
import type { NavItem, Route } from './types';
import type { Key } from '../i18n';
import { InspectionFormPage, InspectionPage, InspectionsPage, OrdersPage } from '../pages/supervision/inspections';
import { DrawsPage, PublicDrawsPage } from '../pages/supervision/draws';
import { CampaignPage, CampaignsPage } from '../pages/supervision/campaigns';

export const routes: Route[] = [
  { re: /^\/inspections$/, page: ({ query }) => <InspectionsPage query={query} />, roles: ['admin', 'regulator', 'enterprise'], wide: true },
  { re: /^\/inspections\/new$/, page: ({ query }) => <InspectionFormPage query={query} />, roles: ['admin', 'regulator'] },
  { re: /^\/inspections\/([0-9]+)$/, page: ({ params }) => <InspectionPage params={params} />, roles: ['admin', 'regulator', 'enterprise'], wide: true },
  { re: /^\/rectifications$/, page: ({ query }) => <OrdersPage query={query} />, roles: ['admin', 'regulator', 'enterprise'], wide: true },
  { re: /^\/draws$/, page: () => <DrawsPage />, roles: ['admin', 'regulator'], wide: true },
  { re: /^\/public\/draws$/, page: ({ query }) => <PublicDrawsPage query={query} /> },
  { re: /^\/campaigns$/, page: () => <CampaignsPage />, roles: ['admin', 'regulator'], wide: true },
  { re: /^\/campaigns\/([0-9]+)$/, page: ({ params }) => <CampaignPage params={params} />, roles: ['admin', 'regulator'], wide: true },
];

export const nav: NavItem<Key>[] = [
  { href: '/inspections', key: 'supervision.nav.inspections', roles: ['admin', 'regulator', 'enterprise'] },
  { href: '/rectifications', key: 'supervision.nav.orders', roles: ['admin', 'regulator', 'enterprise'] },
  { href: '/draws', key: 'supervision.nav.draws', roles: ['admin', 'regulator'] },
  { href: '/campaigns', key: 'supervision.nav.campaigns', roles: ['admin', 'regulator'] },
  { href: '/public/draws', key: 'supervision.nav.publicDraws', roles: 'public' },
];
