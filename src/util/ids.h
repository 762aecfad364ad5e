/* ids.h — validation of Chinese identifiers: resident ID numbers (GB 11643), unified social
 * credit codes (GB 32100) and region codes (GB/T 2260), plus their check characters. */
#ifndef WG_IDS_H
#define WG_IDS_H
#include <stdbool.h>

enum ids_err {
	IDS_OK = 0,
	IDS_LENGTH = -1, /* not 18 characters (6 for a region) */
	IDS_CHAR = -2,   /* a character outside the allowed set */
	IDS_REGION = -3, /* province code not in GB/T 2260 */
	IDS_BIRTH = -4,  /* birth date is not a real date, before 1900 or in the future */
	IDS_CHECK = -5,  /* check character wrong */
};
const char *ids_strerror(int err);

/* Validates a resident ID number. Lowercase 'x' is accepted and normalised to 'X'.
 * @param[out] norm receives the normalised 18 characters + NUL (19 bytes); may be NULL.
 * Returns IDS_OK or a negative ids_err. */
int idcard_validate(const char *s, char *norm);
/* The check character for the first 17 digits ("10X98765432"[sum mod 11]); '\0' when one
 * of them is not a digit. */
char idcard_check_char(const char *first17);

/* Validates a USCC (18 chars of 0-9A-HJ-NPQRTUWXY). Lowercase is rejected (IDS_CHAR). */
int uscc_validate(const char *s);
/* The check character for the first 17 USCC characters; '\0' when one is not in the alphabet. */
char uscc_check_char(const char *first17);

/* A 6-digit region code whose first two digits are a GB/T 2260 province code. */
int region_validate(const char *s);
bool region_province_ok(int two_digits);
#endif
