/* test_mask.c — masked ID numbers, bank cards and phones look as SPEC §1 shows, and short or
 * oversized inputs never leak whole nor overflow the buffer. */
#include "check.h"
#include "util/mask.h"

int main(void)
{
	char buf[MASK_BUFSZ];
	char longid[100];

	CHECK_STR(mask_id("11010519491231002X", buf), "110105********002X", "ID keeps 6 + 4");
	CHECK_STR(mask_card("6222021234567891234", buf), "6222 **** **** 1234", "19-digit card");
	CHECK_STR(mask_card("6222 0212 3456 7891 234", buf), "6222 **** **** 1234",
		  "card given with spaces");
	CHECK_STR(mask_card("6222021234567890", buf), "6222 **** **** 7890",
		  "16-digit card has the same shape");
	CHECK_STR(mask_phone("13812345678", buf), "138****5678", "phone keeps 3 + 4");

	CHECK_STR(mask_id("1234567890", buf), "**********", "ID of only 10 chars fully starred");
	CHECK_STR(mask_id("", buf), "", "empty ID stays empty");
	CHECK_STR(mask_phone("1381234", buf), "*******", "7-digit phone fully starred");
	CHECK_STR(mask_phone("12345678", buf), "123*5678", "8-digit phone hides one digit");
	CHECK_STR(mask_card("62220212", buf), "**** **** **** ****", "8-digit card fully starred");
	CHECK_STR(mask_card("", buf), "**** **** **** ****", "empty card fully starred");

	memset(longid, '7', sizeof(longid) - 1);
	longid[sizeof(longid) - 1] = '\0';
	longid[sizeof(longid) - 2] = 'E';
	mask_id(longid, buf);
	CHECK(strlen(buf) == MASK_BUFSZ - 1 && buf[MASK_BUFSZ - 2] == 'E' &&
		      strncmp(buf, "777777*", 7) == 0,
	      "overlong ID is capped and keeps its ends");
	memset(longid, '1', sizeof(longid) - 1);
	longid[sizeof(longid) - 2] = '9';
	mask_card(longid, buf);
	CHECK_STR(buf, "1111 **** **** 1119", "card of 99 digits keeps its true last four");
	/* issue 16: a worker's name in the warnings queue */
	CHECK_STR(mask_name("张三", buf), "张*", "two-character name keeps its surname");
	CHECK_STR(mask_name("欧阳娜娜", buf), "欧***", "one star per hidden character");
	CHECK_STR(mask_name("李", buf), "李*", "a one-character name still hides something");
	CHECK_STR(mask_name("Li Na", buf), "L****", "latin names too");
	return check_done();
}
