/* payslip.h — the store's side of payslips, workers' answers to their payroll lines (kept,
 * and read back for the ledger's check) and the wage ledger's pay cycles (SPEC §6), written
 * once over store/stmt.h (store/payslip.c). */
#ifndef WG_STORE_PAYSLIP_H
#define WG_STORE_PAYSLIP_H
#include <stdint.h>

struct store;

/* A worker's payroll line of one project and period, for the payslip. */
struct payslip_line {
	const char *project, *project_name, *employer, *employer_name, *id_number, *name, *phone,
		*bank_card;
	int64_t period, days, gross, deductions, net, due; /* due -1: none given */
	int64_t lseq;       /* the ledger entry holding this version */
	int confirmation;   /* 0 none, 1 confirmed, 2 disputed (this version) */
	const char *reason; /* the dispute's reason, or NULL */
	int64_t claimed;    /* the amount the worker says is owed (disputes) */
};

struct payslip_payment {
	const char *txn_id, *status, *bank_card;
	int64_t amount, paid_on;
};

/* A worker's answer to a payroll line (SPEC §6): confirmed, or disputed with a reason. */
struct confirmation {
	const char *project, *id_number;
	int64_t period;
	int status;           /* 1 confirmed, 2 disputed */
	const char *reason;   /* disputes: required */
	int64_t claimed;      /* disputes: fen the worker claims, 0 if not said */
	int64_t payroll_lseq; /* the version answered */
	int64_t lseq;         /* the ledger entry recording the answer */
	int64_t at;           /* day */
};

/* One pay cycle of the wage ledger: a worker's payroll line of a project and period with
 * what was paid against it, or a worker-month with payments and no payroll line
 * (has_payroll 0: the payroll fields are 0, employer NULL). */
struct pay_cycle {
	const char *project, *project_name, *employer_uscc, *employer_name;
	const char *id_number, *name, *phone, *bank_card, *bank_code; /* worker's; NULL unknown */
	const char *vouchers; /* txn_ids of the ok payments by date, ';'-separated; NULL none */
	int64_t period, days, gross, deductions, net, due; /* due -1: none given */
	int64_t paid, paid_on, payments; /* ok payments: sum, last date (-1: none), count */
	int has_payroll;
	int confirmation; /* the worker's answer to this version: 0 none, 1 confirmed,
			   * 2 disputed */
};

/* Which pay cycles: NULL / -1 for all. */
struct pay_cycle_filter {
	const char *project;  /* project code */
	int64_t period;       /* month number */
	const char *employer; /* USCC of the payroll line's employer */
	int payroll_only;     /* leave out worker-months with payments and no payroll */
};

/* The payroll line of (project, worker, period) with the worker's latest answer to it (text
 * owned by the store until its next call), then cb (may be NULL) for each payment of that
 * worker-month by date. WG_ENOTFOUND: no line. */
int store_payslip(struct store *s, const char *project, const char *id_number, int64_t period,
		  struct payslip_line *out, int (*cb)(void *ctx, const struct payslip_payment *p),
		  void *ctx);
/* Records a worker's answer (inside a write transaction; the domain writes the ledger
 * entry). A later answer to the same version replaces the earlier one; a dispute waits with
 * case_status 'open' for the cases module. WG_ENOTFOUND: no such project or person. */
int store_confirmation_put(struct store *s, const struct confirmation *c);
/* A stored answer read back, for the ledger's check that it is the one its entry records
 * (domain/ledger.c). */
struct confirmation_row {
	int status;         /* 1 confirmed, 2 disputed */
	const char *reason; /* NULL: none; owned by the store until its next call */
	int64_t claimed, lseq;
};
/* The answer to payroll version payroll_lseq of (project code, ID number, period): WG_OK,
 * WG_ENOTFOUND, or a store status. */
int store_confirmation_get(struct store *s, const char *project, const char *id_number,
			   int64_t period, int64_t payroll_lseq, struct confirmation_row *out);
/* How many answers are stored. */
int store_confirmation_count(struct store *s, int64_t *n);

/* Calls cb for each pay cycle passing f, ordered by project code, period, employer USCC
 * (none first) and ID number, all bytewise. cb must not call the store; a non-zero return
 * stops and is returned. */
int store_pay_cycles(struct store *s, const struct pay_cycle_filter *f,
		     int (*cb)(void *ctx, const struct pay_cycle *c), void *ctx);
#endif
