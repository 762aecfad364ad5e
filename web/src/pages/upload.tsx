// upload.tsx — an enterprise's or a bank's data upload: choose the kind and a CSV file, POST
// it as the body of /api/v1/imports/{kind}; a 422 lists every rejected line (line, column,
// message) and nothing is stored.
import { useRef, useState } from 'preact/hooks';
import { ApiError, RejectedLine, post } from '../api';
import { Key, t } from '../i18n';
import { int, paren } from '../format';
import { currentUser, sessionLost } from '../session';
import { Alert, Card, DataTable, Field, PageTitle } from '../components/ui';

const COLUMNS: Record<string, string> = {
  enterprises: 'uscc, name, region_code, legal_rep',
  projects: 'code, name, region_code, industry, owner_uscc, contractor_uscc, contract_value, start_date, end_date',
  subcontracts: 'project_code, subcontractor_uscc, contract_value, start_date, end_date',
  accounts: 'project_code, bank_code, account_no, opened_on',
  workers: 'id_number, name, phone, bank_card, bank_code',
  employments: 'project_code, id_number, employer_uscc, team, trade, wage_type, wage_rate, start_date, end_date',
  attendance: 'project_code, id_number, date, hours',
  allocations: 'txn_id, project_code, date, amount',
  payroll: 'project_code, employer_uscc, period, id_number, days, gross, deductions, net, due_date',
  payments: 'txn_id, project_code, id_number, period, amount, paid_on, bank_card, status',
  calendar: 'date, kind',
};

function kindsFor(role: string | undefined): string[] {
  if (role === 'bank') return ['allocations', 'payments'];
  if (role === 'enterprise') return ['workers', 'employments', 'attendance', 'payroll', 'subcontracts', 'accounts'];
  return Object.keys(COLUMNS);
}

interface Result {
  rows: number;
  inserted: number;
  unchanged: number;
  amended: number;
  status_changes: number;
}

export function UploadPage() {
  const kinds = kindsFor(currentUser()?.role);
  const [kind, setKind] = useState(kinds[0]);
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [fileErr, setFileErr] = useState('');
  const [ok, setOk] = useState<Result | null>(null);
  const [rejected, setRejected] = useState<{ message: string; details: RejectedLine[] } | null>(null);
  const [error, setError] = useState('');
  const fileRef = useRef<HTMLInputElement>(null);

  async function submit(e: Event) {
    e.preventDefault();
    setOk(null);
    setRejected(null);
    setError('');
    if (!file) {
      setFileErr(t('up.chooseFile'));
      fileRef.current?.focus();
      return;
    }
    setFileErr('');
    setBusy(true);
    try {
      const r = await post<Result>('/imports/' + encodeURIComponent(kind), file, 'text/csv');
      setOk(r);
    } catch (err) {
      const ae = err as ApiError;
      if (ae.status === 401) sessionLost();
      if (ae.status === 422) setRejected({ message: ae.message, details: ae.details });
      else setError(ae.status === 403 ? t('app.forbidden') : t('app.error', { msg: ae.message }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <PageTitle>{t('up.title')}</PageTitle>
      <Card>
        <p class="muted">{t('up.lead')}</p>
        <form class="form" onSubmit={submit} novalidate id="upload-form">
          <Field id="up-kind" label={t('up.kind')} required hint={t('up.columns', { cols: COLUMNS[kind] || '' })}>
            <select
              id="up-kind"
              name="kind"
              value={kind}
              aria-describedby="up-kind-hint"
              onChange={(e) => {
                setKind((e.target as HTMLSelectElement).value);
                setOk(null);
                setRejected(null);
              }}
            >
              {kinds.map((k) => (
                <option value={k}>
                  {paren(t(('kind.' + k) as Key), k)}
                </option>
              ))}
            </select>
          </Field>
          <Field id="up-file" label={t('up.file')} required error={fileErr}>
            <input
              id="up-file"
              name="file"
              type="file"
              accept=".csv,text/csv"
              ref={fileRef}
              aria-invalid={!!fileErr}
              aria-describedby={fileErr ? 'up-file-err' : undefined}
              onChange={(e) => {
                const f = (e.target as HTMLInputElement).files?.[0] || null;
                setFile(f);
                setFileErr('');
                setOk(null);
                setRejected(null);
              }}
            />
          </Field>
          {file && (
            <p class="muted" id="up-file-info">
              {file.name} · {int(Math.ceil(file.size / 1024))} KB
            </p>
          )}
          <button type="submit" class="btn btn-primary" disabled={busy}>
            {busy ? t('up.busy') : t('up.submit')}
          </button>
        </form>
      </Card>
      <div aria-live="polite" id="upload-result">
        {ok && (
          <Alert kind="success">
            {t('up.ok', { rows: int(ok.rows), inserted: int(ok.inserted), unchanged: int(ok.unchanged), amended: int(ok.amended ?? 0), status: int(ok.status_changes ?? 0) })}
          </Alert>
        )}
        {error && <Alert kind="error">{error}</Alert>}
        {rejected && (
          <>
            <Alert kind="error">
              {t('up.rejected', { n: rejected.details.length || 1 })} {rejected.details.length === 0 && rejected.message}
            </Alert>
            {rejected.details.length > 0 && (
              <div class="card card-flush">
                <DataTable<RejectedLine>
                  caption={t('up.rejectedCaption')}
                  id="rejected-lines"
                  columns={[
                    { label: t('col.line'), render: (d) => d.line, align: 'right', class: 'nowrap' },
                    { label: t('col.column'), render: (d) => d.column || '—', class: 'mono nowrap' },
                    { label: t('col.message'), render: (d) => d.message },
                  ]}
                  rows={rejected.details}
                />
              </div>
            )}
          </>
        )}
      </div>
    </>
  );
}
