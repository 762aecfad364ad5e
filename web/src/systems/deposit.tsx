// deposit.tsx — the pages of deposits and the emergency wage fund (SPEC §7–8): its routes and
// its entries in each role's navigation (main.tsx and layout.tsx merge them).
import type { NavItem, Route } from './types';
import type { Key } from '../i18n';

export const routes: Route[] = [];

export const nav: NavItem<Key>[] = [];
