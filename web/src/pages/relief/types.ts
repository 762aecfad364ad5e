// types.ts — the shapes relief's API answers with (docs/api/openapi.json: Case, Liability,
// DocumentRow, InspectionTask).
export interface CaseOrder {
  number: string;
  issued: string;
  deadline: string;
  status: 'open' | 'overdue' | 'met' | 'ignored';
  ignored: string | null;
  surcharge: string;
}
export interface Complainant {
  id_number: string | null;
  name: string | null;
  phone: string | null;
  claimed: string;
  paid: string;
  owed: string;
}
export interface CaseEvent {
  on: string;
  at: string;
  kind: string;
  detail: string | null;
  amount: string;
  actor: string | null;
}
export interface CaseDoc {
  id: number;
  number: string;
  kind: string;
  issued: string;
  deadline: string | null;
  amount: string;
  status: string;
}
export interface Case {
  number: string;
  status: 'received' | 'accepted' | 'rejected' | 'closed';
  channel: string;
  employer: string;
  employer_name: string | null;
  project: string | null;
  region: string;
  received: string;
  accept_by: string;
  accepted: string | null;
  rejected: string | null;
  reject_reason: string | null;
  conclude_by: string | null;
  conclude_by_original: string | null;
  extended: boolean;
  extension_reason: string | null;
  closed: string | null;
  outcome: string | null;
  step: 'accept' | 'conclude' | null;
  deadline: string | null;
  remaining_working_days: number | null;
  overdue: boolean;
  claimed: string;
  paid: string;
  owed: string;
  agreed: string;
  workers: number;
  substantiated: string | null;
  absconded?: string | null;
  priority: number;
  days_to_festival: number | null;
  order: CaseOrder | null;
  anonymous?: boolean;
  description?: string | null;
  complainants?: Complainant[];
  events?: CaseEvent[];
  documents?: CaseDoc[];
}
export interface LiabilityParty {
  uscc: string;
  name: string | null;
  role: 'employer' | 'general_contractor' | 'construction_unit';
  owes: string;
  recovery_from: string | null;
  basis: string;
  records: string[];
}
export interface DocumentRow {
  id: number;
  number: string;
  kind: string;
  title: string | null;
  addressee: string;
  issued: string;
  deadline: string | null;
  amount: string;
  status: string;
}
export interface InspectionTask {
  id: number;
  status: string;
  opened_on: string;
  region: string;
  rule: string;
  level: string;
  amount: string;
  project: string | null;
  project_name: string | null;
  employer: string | null;
  employer_name: string | null;
  warning_resolved_on: string | null;
}
