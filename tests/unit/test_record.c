/* test_record.c — record_split, the one splitter of canonical ledger lines (record_uncanon
 * and the ledger's check of workers' answers both use it): RFC 4180 quoting undone in place. */
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "domain/record.h"

static int split(const char *text, char *buf, char **f, int max)
{
	snprintf(buf, 128, "%s", text);
	return record_split(buf, f, max);
}

int main(void)
{
	char buf[128], *f[8];
	CHECK(split("a,b,,d", buf, f, 8) == 4 && strcmp(f[0], "a") == 0 && strcmp(f[1], "b") == 0 &&
		      strcmp(f[2], "") == 0 && strcmp(f[3], "d") == 0,
	      "plain fields, an empty one among them");
	CHECK(split("\"x,y\",\"say \"\"hi\"\"\",z", buf, f, 8) == 3 && strcmp(f[0], "x,y") == 0 &&
		      strcmp(f[1], "say \"hi\"") == 0 && strcmp(f[2], "z") == 0,
	      "a quoted comma and doubled quotes");
	CHECK(split("", buf, f, 8) == 1 && strcmp(f[0], "") == 0,
	      "an empty line is one empty field");
	CHECK(split("a,", buf, f, 8) == 2 && strcmp(f[1], "") == 0,
	      "a trailing comma ends in an empty field");
	CHECK(split("\"open", buf, f, 8) == -1, "an unclosed quote is refused");
	CHECK(split("\"a\"b,c", buf, f, 8) == -1, "text after a closing quote is refused");
	CHECK(split("a,b,c", buf, f, 2) == -1, "more fields than asked for are refused");
	CHECK(split("a,b", buf, f, 2) == 2, "exactly as many as asked for");
	return check_done();
}
