/* ids.c — validation of resident ID numbers (GB 11643), unified social credit codes
 * (GB 32100) and region codes (GB/T 2260), and the check characters of the first two. */
#include "util/ids.h"

#include <string.h>

#include "util/date.h"
#include "util/banned.h"

#define IDS_LEN 18

static const char uscc_alphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

const char *ids_strerror(int err)
{
	switch ((enum ids_err)err) {
	case IDS_OK: return "ok";
	case IDS_LENGTH: return "wrong length";
	case IDS_CHAR: return "invalid character";
	case IDS_REGION: return "unknown province code";
	case IDS_BIRTH: return "invalid birth date";
	case IDS_CHECK: return "check character does not match";
	}
	return "invalid identifier";
}

bool region_province_ok(int p)
{
	return (p >= 11 && p <= 15) || (p >= 21 && p <= 23) || (p >= 31 && p <= 37) ||
		(p >= 41 && p <= 46) || (p >= 50 && p <= 54) || (p >= 61 && p <= 65) || p == 71 ||
		p == 81 || p == 82;
}

int region_validate(const char *s)
{
	if (strlen(s) != 6)
		return IDS_LENGTH;
	for (int i = 0; i < 6; i++)
		if (!is_digit(s[i]))
			return IDS_CHAR;
	if (!region_province_ok((s[0] - '0') * 10 + (s[1] - '0')))
		return IDS_REGION;
	return IDS_OK;
}

char idcard_check_char(const char *first17)
{
	static const int w[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
	int sum = 0;

	for (int i = 0; i < 17; i++) {
		if (!is_digit(first17[i]))
			return '\0';
		sum += (first17[i] - '0') * w[i];
	}
	return "10X98765432"[sum % 11];
}

int idcard_validate(const char *s, char *norm)
{
	char id[IDS_LEN + 1];
	int32_t birth, min_birth = date_from_ymd(1900, 1, 1);
	char birth_s[DATE_BUFSZ];

	if (strlen(s) != IDS_LEN)
		return IDS_LENGTH;
	memcpy(id, s, sizeof(id));
	if (id[17] == 'x')
		id[17] = 'X';
	for (int i = 0; i < IDS_LEN; i++)
		if (!is_digit(id[i]) && !(i == 17 && id[i] == 'X'))
			return IDS_CHAR;
	if (!region_province_ok((id[0] - '0') * 10 + (id[1] - '0')))
		return IDS_REGION;
	/* Reuse the strict date parser on "YYYY-MM-DD" built from YYYYMMDD at offset 6. */
	memcpy(birth_s, id + 6, 4);
	birth_s[4] = '-';
	memcpy(birth_s + 5, id + 10, 2);
	birth_s[7] = '-';
	memcpy(birth_s + 8, id + 12, 2);
	birth_s[10] = '\0';
	if (date_parse(birth_s, &birth) != 0 || birth < min_birth || birth > date_today())
		return IDS_BIRTH;
	if (idcard_check_char(id) != id[17])
		return IDS_CHECK;
	if (norm)
		memcpy(norm, id, sizeof(id));
	return IDS_OK;
}

/* Value of c in the USCC alphabet, or -1. Lowercase is not in it. */
static int uscc_value(char c)
{
	const char *p = c ? strchr(uscc_alphabet, c) : NULL;

	return p ? (int)(p - uscc_alphabet) : -1;
}

char uscc_check_char(const char *first17)
{
	static const int w[17] = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
	int sum = 0;

	for (int i = 0; i < 17; i++) {
		int v = uscc_value(first17[i]);
		if (v < 0)
			return '\0';
		sum += v * w[i];
	}
	return uscc_alphabet[(31 - sum % 31) % 31];
}

int uscc_validate(const char *s)
{
	if (strlen(s) != IDS_LEN)
		return IDS_LENGTH;
	for (int i = 0; i < IDS_LEN; i++)
		if (uscc_value(s[i]) < 0)
			return IDS_CHAR;
	if (uscc_check_char(s) != s[17])
		return IDS_CHECK;
	return IDS_OK;
}
