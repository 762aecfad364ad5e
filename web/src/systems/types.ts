// types.ts — what a system contributes to the UI: its routes and its navigation entries.
// Each system of SPEC §2 beyond monitoring has one module here (relief.tsx, deposit.tsx,
// credit.tsx, supervision.tsx) and its texts in <system>.i18n.ts; main.tsx, layout.tsx and
// i18n.ts merge them, so adding a system touches none of the shared files.
import type { JSX } from 'preact';
import type { User } from '../api';

export type Role = User['role'];

export interface Route {
  re: RegExp;
  page: (p: { params: string[]; query: URLSearchParams }) => JSX.Element;
  roles?: Role[]; // absent: public
  wide?: boolean;
}

export interface NavItem<K extends string = string> {
  href: string;
  key: K;
  roles: Role[] | 'public'; // 'public': shown to visitors without a session
}
