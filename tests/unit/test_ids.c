/* test_ids.c — resident ID numbers (GB 11643), USCCs (GB 32100) and region codes: the
 * published valid examples pass, and each kind of defect yields its own error code. */
#include "check.h"
#include "util/date.h"
#include "util/ids.h"

static void id_rc(const char *s, int want, const char *why)
{
	char norm[19] = "untouched";
	int rc = idcard_validate(s, norm);

	CHECK(rc == want, "ID %s: %s (want %d, got %d)", s, why, want, rc);
}

static void uscc_rc(const char *s, int want, const char *why)
{
	int rc = uscc_validate(s);

	CHECK(rc == want, "USCC %s: %s (want %d, got %d)", s, why, want, rc);
}

static void region_rc(const char *s, int want)
{
	int rc = region_validate(s);

	CHECK(rc == want, "region '%s' gives %d (got %d)", s, want, rc);
}

/* An otherwise valid ID number for a birth day, with its check character computed. */
static void id_born(int32_t day, char *id)
{
	char buf[DATE_BUFSZ];

	date_format(day, buf);
	snprintf(id, 19, "360426%.4s%.2s%.2s007", buf, buf + 5, buf + 8);
	id[17] = idcard_check_char(id);
	id[18] = '\0';
}

int main(void)
{
	char norm[19], id[32];
	int rc;

	rc = idcard_validate("11010519491231002X", norm);
	CHECK(rc == IDS_OK, "11010519491231002X is valid");
	CHECK_STR(norm, "11010519491231002X", "normalised copy of a valid ID");
	memset(norm, 0, sizeof(norm));
	rc = idcard_validate("11010519491231002x", norm);
	CHECK(rc == IDS_OK, "lowercase x accepted");
	CHECK_STR(norm, "11010519491231002X", "lowercase x normalised to X");
	rc = idcard_validate("360426199101010071", NULL);
	CHECK(rc == IDS_OK, "360426199101010071 is valid (norm may be NULL)");
	CHECK(idcard_check_char("11010519491231002") == 'X',
	      "check char of 11010519491231002 is X");
	CHECK(idcard_check_char("36042619910101007") == '1',
	      "check char of 36042619910101007 is 1");
	CHECK(idcard_check_char("3604261991010100A") == '\0', "check char of a non-digit is NUL");

	id_rc("36042619910102009X", IDS_CHECK, "bad checksum");
	id_rc("110105194912310021", IDS_CHECK, "digit where X is due");
	id_rc("360426199113010079", IDS_BIRTH, "month 13");
	id_rc("360426199102300075", IDS_BIRTH, "February 30");
	id_rc("360426189912310074", IDS_BIRTH, "born 1899");
	id_rc("11010519491231002", IDS_LENGTH, "17 characters");
	id_rc("11010519491231002X1", IDS_LENGTH, "19 characters");
	id_rc("", IDS_LENGTH, "empty");
	id_rc("1101051949123100AX", IDS_CHAR, "letter among the digits");
	id_rc("X10105194912310021", IDS_CHAR, "X not in the last place");
	id_rc("11010519491231002Y", IDS_CHAR, "check char Y");
	id_rc("990105194912310024", IDS_REGION, "province 99");
	id_rc("160105194912310028", IDS_REGION, "province 16");
	id_born(date_today(), id);
	id_rc(id, IDS_OK, "born today");
	id_born(date_today() + 1, id);
	id_rc(id, IDS_BIRTH, "born tomorrow");
	CHECK_STR(ids_strerror(IDS_CHECK), "check character does not match", "ids_strerror");

	uscc_rc("91110000600037341L", IDS_OK, "valid");
	uscc_rc("91110000600037341N", IDS_CHECK, "bad check character");
	uscc_rc("91110000600037341l", IDS_CHAR, "lowercase check character");
	uscc_rc("91110000600037341", IDS_LENGTH, "17 characters");
	uscc_rc("9111000060003734I0", IDS_CHAR, "I is not in the alphabet");
	uscc_rc("9111000060003734O0", IDS_CHAR, "O is not in the alphabet");
	uscc_rc("9111000060003734Z0", IDS_CHAR, "Z is not in the alphabet");
	uscc_rc("9111000060003734S0", IDS_CHAR, "S is not in the alphabet");
	uscc_rc("9111000060003734V0", IDS_CHAR, "V is not in the alphabet");
	uscc_rc("9111000060003734-0", IDS_CHAR, "punctuation");
	CHECK(uscc_check_char("91110000600037341") == 'L', "USCC check char reproduces L");
	CHECK(uscc_check_char("9111000060003734a") == '\0', "USCC check char of lowercase is NUL");
	/* Every alphabet character works as a check: append the computed one and validate. */
	{
		static const char *bodies[] = {"91330100MA2AXXXX0", "12100000400000XYW",
					       "Y1000000000000000", "00000000000000000"};
		int bad = 0;
		for (size_t i = 0; i < sizeof(bodies) / sizeof(*bodies); i++) {
			char code[19];
			memcpy(code, bodies[i], 17);
			code[17] = uscc_check_char(bodies[i]);
			code[18] = '\0';
			if (code[17] == '\0' || uscc_validate(code) != IDS_OK)
				bad++;
		}
		CHECK(bad == 0, "bodies with a computed check character validate (%d bad)", bad);
	}

	region_rc("330100", IDS_OK);
	region_rc("110000", IDS_OK);
	region_rc("820000", IDS_OK);
	region_rc("990100", IDS_REGION);
	region_rc("240100", IDS_REGION);
	region_rc("33010", IDS_LENGTH);
	region_rc("3301000", IDS_LENGTH);
	region_rc("33010a", IDS_CHAR);
	CHECK(region_province_ok(71) && region_province_ok(15) && !region_province_ok(16) &&
		      !region_province_ok(83) && !region_province_ok(10),
	      "province code ranges");
	return check_done();
}
