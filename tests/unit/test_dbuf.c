/* test_dbuf.c — dbuf appends (raw, string, char, printf, CSV field), growth well past the
 * first allocation, the size cap that leaves contents unchanged, reset and release. */
#include "check.h"
#include "util/dbuf.h"

int main(void)
{
	struct dbuf b = DBUF_INIT;
	int rc, bad = 0;

	CHECK_STR(dbuf_str(&b), "", "an empty buffer reads as \"\"");
	rc = dbuf_adds(&b, "abc");
	rc |= dbuf_addc(&b, '-');
	rc |= dbuf_add(&b, "xyz123", 3);
	CHECK(rc == 0 && b.len == 7, "adds, addc, add: length 7");
	CHECK_STR(dbuf_str(&b), "abc-xyz", "contents after three appends");
	rc = dbuf_addf(&b, " %d/%s/%05.1f", 42, "q", 2.5);
	CHECK_STR(dbuf_str(&b), "abc-xyz 42/q/002.5", "addf formats");
	CHECK(rc == 0 && b.p[b.len] == '\0', "NUL-terminated after addf");

	dbuf_reset(&b);
	CHECK(b.len == 0 && b.cap > 0, "reset keeps the allocation");
	CHECK_STR(dbuf_str(&b), "", "reset empties");
	for (int i = 0; i < 10000; i++)
		bad += dbuf_addf(&b, "%04d,", i) != 0;
	CHECK(bad == 0 && b.len == 50000, "10000 formatted appends grow to 50000 bytes");
	CHECK(strncmp(b.p + 5 * 9999, "9999,", 6) == 0, "last append at the right place");
	dbuf_release(&b);
	CHECK(b.p == NULL && b.len == 0 && b.cap == 0, "release frees");

	b.max = 8;
	rc = dbuf_adds(&b, "12345678");
	CHECK(rc == 0 && b.len == 8, "fills exactly to max");
	rc = dbuf_addc(&b, '9');
	CHECK(rc == -1 && b.len == 8, "addc past max fails");
	rc = dbuf_addf(&b, "%s", "x");
	CHECK(rc == -1, "addf past max fails");
	CHECK_STR(dbuf_str(&b), "12345678", "contents unchanged by failed adds");
	dbuf_release(&b);
	CHECK(b.max == 8, "release keeps the cap");
	rc = dbuf_adds(&b, "123456789");
	CHECK(rc == -1 && b.len == 0, "a single add over max fails");
	dbuf_release(&b);

	b.max = 0;
	rc = dbuf_add_csv_field(&b, "plain");
	rc |= dbuf_addc(&b, ',');
	rc |= dbuf_add_csv_field(&b, "a,b");
	rc |= dbuf_addc(&b, ',');
	rc |= dbuf_add_csv_field(&b, "say \"hi\"");
	rc |= dbuf_addc(&b, ',');
	rc |= dbuf_add_csv_field(&b, "two\nlines");
	rc |= dbuf_addc(&b, ',');
	rc |= dbuf_add_csv_field(&b, "cr\r");
	rc |= dbuf_addc(&b, ',');
	rc |= dbuf_add_csv_field(&b, "");
	CHECK(rc == 0, "CSV field appends succeed");
	CHECK_STR(dbuf_str(&b), "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\r\",",
		  "CSV fields quoted only when needed, quotes doubled");
	dbuf_release(&b);

	b.max = 6;
	rc = dbuf_add_csv_field(&b, "a,b,c");
	CHECK(rc == -1 && b.len == 0, "quoted field that would pass max fails whole");
	dbuf_release(&b);
	return check_done();
}
