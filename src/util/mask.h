/* mask.h — masking of personal data for roles not entitled to it (SPEC §1):
 * ID 110105********002X, card 6222 **** **** 1234, phone 138****5678. */
#ifndef WG_MASK_H
#define WG_MASK_H
#include <stddef.h>

#define MASK_BUFSZ 48
/* Each writes a NUL-terminated masked copy into buf (MASK_BUFSZ bytes) and returns buf.
 * ID: first 6 and last 4 kept. Card: digits only, first 4 and last 4 kept, groups of 4.
 * Phone: first 3 and last 4 kept. Inputs shorter than what is kept are fully starred (also
 * when exactly as long: a mask must hide something). Cards always come out in the shape
 * "dddd **** **** dddd" whatever their length; overlong IDs and phones lose stars, not ends. */
char *mask_id(const char *id, char *buf);
char *mask_card(const char *card, char *buf);
char *mask_phone(const char *phone, char *buf);
/* A person's name: its first character kept, one star for each other (at least one). */
char *mask_name(const char *name, char *buf);
#endif
