/* payslip.h — payslips (SPEC §6): a worker's payroll line and payments for one period, with a
 * receipt code that anyone holding it can check against the ledger; and the worker's answer
 * to the line (confirmed, or disputed — a dispute waits for the cases module). */
#ifndef WG_PAYSLIP_H
#define WG_PAYSLIP_H
#include <stdint.h>

#include "util/msg.h"

#include "store/store.h"
#include "store/payslip.h"
#include "util/dbuf.h"

#define RECEIPT_BUFSZ 48

/* A payslip with its own copy of the text (the store's buffers are reused by later calls). */
struct payslip {
	struct payslip_line line;
	struct payslip_payment *pay;
	size_t npay;
	int64_t paid; /* sum of ok payments */
	char receipt[RECEIPT_BUFSZ];
	struct dbuf text;
};

/* Fetches the payslip of (project, resident ID, period). WG_ENOTFOUND when that worker has
 * no payroll line there. Release with payslip_release. */
int payslip_get(struct store *s, const char *project, const char *id_number, int32_t period,
		struct payslip *out);
void payslip_release(struct payslip *p);

#define PAYSLIP_MAX_PROJECTS 16
/* The projects on which the worker has a payroll line in period, in the store's order: the
 * first PAYSLIP_MAX_PROJECTS codes into code, how many there are in total into *n. When a
 * caller names no project, one of them is the payslip's (the CLI prints each; the API takes
 * the only one or asks which). Returns 0 or a wg_status. */
struct payslip_projects {
	char code[PAYSLIP_MAX_PROJECTS][72];
	int n;
};
int payslip_projects(struct store *s, const char *id_number, int32_t period,
		     struct payslip_projects *out);

/* What a receipt check found. */
struct receipt_result {
	int valid; /* 1: the line is in the ledger and its entry is intact */
	int64_t seq, at;
	int line;
	char kind[24];
	char summary[320]; /* the record, personal data masked */
	struct msg why;    /* when not valid */
};

/* The receipt code of line (1-based) of ledger entry seq whose text is text: what a record
 * written by another system (a payment through a case) hands out, checked by receipt_check
 * like a payslip's. */
void receipt_code(int64_t seq, int line, const char *text, char *code, size_t n);

/* The receipt code of the record with key's key columns whose current version is in ledger
 * entry seq (its lseq): a payroll line, a payment, a day of attendance. WG_ENOTFOUND when
 * the entry holds no such record. */
int receipt_for(struct store *s, int64_t seq, const struct rec *key, char *code, size_t n);

/* Checks a receipt code ("SEQ-LINE-HASH"). Returns 0 (result in out, valid or not) or a
 * wg_status when the store fails. */
int receipt_check(struct store *s, const char *code, struct receipt_result *out);

enum payroll_answer { ANSWER_CONFIRM = 1, ANSWER_DISPUTE = 2 };

/* Records a worker's answer to the current version of a payroll line, in the ledger and the
 * store, in one transaction. A dispute needs a reason; claimed is the amount the worker says
 * is owed (0: not said). Returns 0, WG_ENOTFOUND (no such line), WG_EINPUT (msg in err). */
int payroll_answer(struct store *s, const char *project, const char *id_number, int32_t period,
		   enum payroll_answer a, const char *reason, int64_t claimed, char *err,
		   size_t errsz);
#endif
