// deposit.tsx — the pages of deposits and the emergency wage fund (SPEC §7–8): its routes and
// its entries in each role's navigation (main.tsx and layout.tsx merge them).
import type { NavItem, Route } from './types';
import type { Key } from '../i18n';
import { DepositRegisterPage } from '../pages/deposit/register';
import { ProjectDepositPage } from '../pages/deposit/project';
import { FundPage, FundsPage } from '../pages/deposit/funds';
import { DepositReturnsPage } from '../pages/deposit/returns';

export const routes: Route[] = [
  { re: /^\/deposits$/, page: () => <DepositRegisterPage />, roles: ['admin', 'regulator', 'enterprise'], wide: true },
  { re: /^\/projects\/([^/]+)\/deposit$/, page: ({ params, query }) => <ProjectDepositPage code={decodeURIComponent(params[0])} query={query} />, roles: ['admin', 'regulator', 'enterprise'], wide: true },
  { re: /^\/funds$/, page: () => <FundsPage />, roles: ['admin', 'regulator'], wide: true },
  { re: /^\/funds\/([0-9]+)$/, page: ({ params }) => <FundPage code={params[0]} />, roles: ['admin', 'regulator'], wide: true },
  { re: /^\/public\/deposit-returns$/, page: () => <DepositReturnsPage /> },
];

export const nav: NavItem<Key>[] = [
  { href: '/deposits', key: 'deposit.nav.register', roles: ['admin', 'regulator'] },
  { href: '/deposits', key: 'deposit.nav.mine', roles: ['enterprise'] },
  { href: '/funds', key: 'deposit.nav.funds', roles: ['admin', 'regulator'] },
  { href: '/public/deposit-returns', key: 'deposit.nav.returns', roles: 'public' },
];
