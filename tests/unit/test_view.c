/* test_view.c — the JSON views of domain/view.c: the exact shape `wageguard scan` prints,
 * control characters in any text escaped, personal data masked unless the reader is entitled,
 * and the payslip's one shape (CLI and API). */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "domain/view.h"

static char *dump(json_t *j)
{
	char *s = j ? json_dumps(j, JSON_COMPACT | JSON_PRESERVE_ORDER) : NULL;
	json_decref(j);
	return s;
}

static void warnings(void)
{
	const struct view_reader full = {.all = true}, none = {0},
				 self = {.self = "51012219850315001X"};
	struct warning w = {.rule = WARN_UNPAID,
			    .level = LEVEL_RED,
			    .period = 2026 * 12 + 4,
			    .amount = 123450,
			    .overdue_days = 31,
			    .days = 0};
	char *s = dump(
		view_warning(&w, "HZ000001", "91330100MA2AAAAA3L", "51012219850315001X", &full));
	CHECK_STR(s,
		  "{\"rule\":\"UNPAID\",\"level\":\"red\",\"project\":\"HZ000001\","
		  "\"employer\":\"91330100MA2AAAAA3L\",\"worker\":\"51012219850315001X\","
		  "\"period\":\"2026-05\",\"amount\":\"1234.50\",\"overdue_days\":31,\"days\":0}",
		  "a scan warning has the contract's keys in the contract's order");
	free(s);

	/* every control character is escaped, quotes and backslashes too */
	s = dump(view_warning(&w,
			      "HZ\x01"
			      "A\tB\nC\"D\\E\x1f",
			      NULL, NULL, &full));
	CHECK(s && strstr(s, "\"project\":\"HZ\\u0001A\\tB\\nC\\\"D\\\\E\\u001F\""),
	      "control characters in a field are escaped (%s)", s ? s : "(null)");
	CHECK(s && !strpbrk(s, "\x01\t\n\x1f"), "no raw control character reaches the output");
	CHECK(s && strstr(s, "\"employer\":null,\"worker\":null,"), "absent codes are null");
	free(s);

	s = dump(view_warning(&w, NULL, NULL, "51012219850315001X", &none));
	CHECK(s && strstr(s, "\"worker\":\"510122********001X\""),
	      "a reader not entitled sees the worker's ID masked");
	free(s);
	s = dump(view_warning(&w, NULL, NULL, "51012219850315001X", &self));
	CHECK(s && strstr(s, "\"worker\":\"51012219850315001X\""), "the worker sees their own ID");
	free(s);
	s = dump(view_warning(&w, NULL, NULL, "110105199001010021", &self));
	CHECK(s && strstr(s, "\"worker\":\"110105********0021\""),
	      "a worker sees another's ID masked");
	free(s);

	struct warning_view v = {.w = w,
				 .project = "HZ000001",
				 .worker = "51012219850315001X",
				 .first_seen = 20600,
				 .last_seen = 20610,
				 .resolved_on = -1,
				 .id = 7};
	s = dump(view_warning_stored(&v, &none));
	CHECK_STR(
		s,
		"{\"id\":7,\"rule\":\"UNPAID\",\"level\":\"red\",\"project\":\"HZ000001\","
		"\"employer\":null,\"worker\":\"510122********001X\",\"period\":\"2026-05\","
		"\"amount\":\"1234.50\",\"overdue_days\":31,\"days\":0,"
		"\"first_seen\":\"2026-05-27\",\"last_seen\":\"2026-06-06\",\"resolved_on\":null}",
		"a stored warning: id, the scan's keys, then its life cycle");
	free(s);
}

static void payslips(void)
{
	struct payslip_payment pay[1] = {{.txn_id = "PAY-1",
					  .status = "ok",
					  .bank_card = "6222000011110123",
					  .amount = 68000,
					  .paid_on = 20614}};
	struct payslip p = {.line = {.project = "HZ000001",
				     .project_name = "项目",
				     .employer = "91330100MA2AAAAA3L",
				     .employer_name = "劳务公司",
				     .id_number = "51012219850315001X",
				     .name = "张三",
				     .bank_card = "6222000011110123",
				     .period = 2026 * 12 + 4,
				     .days = 2,
				     .gross = 70000,
				     .deductions = 2000,
				     .net = 68000,
				     .confirmation = 2,
				     .reason = "少算\x07两天\r\n"},
			    .pay = pay,
			    .npay = 1,
			    .paid = 68000};
	snprintf(p.receipt, sizeof p.receipt, "%s", "12-1-abcdef");
	const struct view_reader none = {0}, self = {.self = "51012219850315001X"};

	char *s = dump(view_payslip(&p, &none));
	CHECK(s && strstr(s, "\"id_number\":\"510122********001X\""),
	      "a payslip masks the ID number for a reader not entitled");
	CHECK(s && strstr(s, "\"unpaid\":\"0.00\",\"bank_card\":\"6222 **** **** 0123\","),
	      "... and the card on record (%s)", s ? s : "(null)");
	CHECK(s && strstr(s, "\"status\":\"ok\",\"bank_card\":\"6222 **** **** 0123\"}"),
	      "... and each payment's card");
	CHECK(s && strstr(s, "\"dispute_reason\":\"少算\\u0007两天\\r\\n\""),
	      "a dispute reason's control characters are escaped");
	free(s);

	s = dump(view_payslip(&p, &self));
	CHECK(s && strstr(s, "\"id_number\":\"51012219850315001X\"") &&
		      strstr(s, "\"bank_card\":\"6222000011110123\",\"payments\""),
	      "the worker sees their own payslip in full");
	free(s);

	p.line.reason = NULL;
	p.line.confirmation = 0;
	p.line.bank_card = NULL;
	s = dump(view_payslip(&p, &none));
	CHECK(s &&
		      strstr(s,
			     "\"bank_card\":null,\"payments\":[{\"txn_id\":\"PAY-1\","
			     "\"paid_on\":\"2026-06-10\",\"amount\":\"680.00\",\"status\":\"ok\""),
	      "no card on record: null; payments in the published key order (%s)",
	      s ? s : "(null)");
	CHECK(s &&
		      strstr(s,
			     "\"answer\":\"none\",\"dispute_reason\":null,\"receipt\":\"12-1-"
			     "abcdef\"}"),
	      "no answer: dispute_reason null, then the receipt");
	free(s);
}

int main(void)
{
	warnings();
	payslips();
	return check_done();
}
