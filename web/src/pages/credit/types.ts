// types.ts — the credit API's shapes (docs/api/openapi.json: CreditFile, Listing, …) as the
// credit pages use them.
export interface CreditRow {
  uscc: string;
  name: string | null;
  region_code: string;
  score: number;
  grade: 'A' | 'B' | 'C' | 'D';
  listed: boolean;
}
export interface Mover extends CreditRow {
  was_score: number;
  was_grade: string;
}
export interface DueRow extends CreditRow {
  interval_months: number;
  last_inspection: string | null;
  due_on: string | null;
}
export interface Listing {
  id: number;
  uscc: string;
  region_code: string;
  state: string;
  status: string;
  grounds: string;
  legal_rep: string;
  responsible: string[];
  amount: string;
  workers: number;
  reason: string;
  deadline: string;
  proposed_on: string;
  notified_on: string | null;
  statement_due: string | null;
  statement_on: string | null;
  statement: string | null;
  decided_on: string | null;
  decision_note: string | null;
  listed_on: string | null;
  expires_on: string | null;
  removed_on: string | null;
  removal: string | null;
  paid_on: string | null;
}
export interface CreditEvent {
  date: string;
  delta: number;
  kind: string;
  source: string;
  score: number;
  project: string | null;
  period: string | null;
  amount: string;
}
export interface CreditFile {
  uscc: string;
  name: string | null;
  as_of: string;
  score: number;
  grade: string;
  listed: boolean;
  listed_since: string | null;
  interval_months: number;
  events: CreditEvent[];
  listings: Listing[];
}
