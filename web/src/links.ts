// links.ts — where a core page may send the user in another system's pages, asked of the
// systems' route tables (systems/*.tsx), so a link appears only once that system has the page
// and the user's role may open it (relief's cases, credit's enterprise files).
import type { Role, Route } from './systems/types';
import * as relief from './systems/relief';
import * as deposit from './systems/deposit';
import * as credit from './systems/credit';
import * as supervision from './systems/supervision';

// read when asked, not at load: the systems' pages may import the core's components
const all = (): Route[] => [...relief.routes, ...deposit.routes, ...credit.routes, ...supervision.routes];

/** Whether some system has a page at path (no query) that role may open. */
export function hasPage(path: string, role: Role | undefined): boolean {
  return all().some((r) => r.re.test(path) && (!r.roles || (role !== undefined && r.roles.includes(role))));
}
