// credit.tsx — the pages of credit files, grades and the dishonest-employer list (SPEC §9): its routes and
// its entries in each role's navigation (main.tsx and layout.tsx merge them).
import type { NavItem, Route } from './types';
import type { Key } from '../i18n';

export const routes: Route[] = [];

export const nav: NavItem<Key>[] = [];
