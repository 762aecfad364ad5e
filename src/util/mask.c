/* mask.c — masked copies of personal data for roles not entitled to it (SPEC §1): ID numbers
 * keep 6+4 characters, phones 3+4, bank cards 4+4 in the fixed "dddd **** **** dddd" shape. */
#include "util/mask.h"

#include <string.h>

#include "util/banned.h"

/* Copies s with all but the first head and last tail bytes starred. When nothing would be
 * hidden (len <= head + tail) every byte is starred instead, so a short value never leaks
 * whole. Output is capped to MASK_BUFSZ - 1 bytes by shortening the starred middle. */
static char *keep_ends(const char *s, size_t head, size_t tail, char *buf)
{
	size_t len = strlen(s), stars, o = 0;

	if (len <= head + tail) {
		stars = len < MASK_BUFSZ - 1 ? len : MASK_BUFSZ - 1;
		memset(buf, '*', stars);
		buf[stars] = '\0';
		return buf;
	}
	stars = len - head - tail;
	if (stars > MASK_BUFSZ - 1 - head - tail)
		stars = MASK_BUFSZ - 1 - head - tail;
	memcpy(buf, s, head);
	o = head;
	memset(buf + o, '*', stars);
	o += stars;
	memcpy(buf + o, s + len - tail, tail);
	buf[o + tail] = '\0';
	return buf;
}

char *mask_id(const char *id, char *buf)
{
	return keep_ends(id, 6, 4, buf);
}

char *mask_phone(const char *phone, char *buf)
{
	return keep_ends(phone, 3, 4, buf);
}

char *mask_card(const char *card, char *buf)
{
	char head[4], tail[4];
	size_t n = 0;

	/* Digits only (cards come as "6222 0212 ..." too); tail is a ring of the last four. */
	for (const char *p = card; *p; p++) {
		if (*p < '0' || *p > '9')
			continue;
		if (n < 4)
			head[n] = *p;
		tail[n % 4] = *p;
		n++;
	}
	/* The shape is fixed whatever the card's length, so the mask does not reveal it. */
	memcpy(buf, "**** **** **** ****", 20);
	if (n > 8) {
		memcpy(buf, head, 4);
		for (size_t i = 0; i < 4; i++)
			buf[15 + i] = tail[(n + i) % 4];
	}
	return buf;
}

char *mask_name(const char *name, char *buf)
{
	/* the first character (UTF-8: its lead byte and continuation bytes), then one star for
	 * each character after it, at least one: 张三 → 张*, 欧阳娜娜 → 欧***, Li → L* */
	size_t o = 0, i = 0;
	if (name[i])
		do
			buf[o++] = name[i++];
		while (name[i] && ((unsigned char)name[i] & 0xC0) == 0x80 && o < 4);
	size_t stars = 0;
	for (; name[i]; i++)
		if (((unsigned char)name[i] & 0xC0) != 0x80)
			stars++;
	if (stars == 0)
		stars = 1;
	while (stars-- && o < MASK_BUFSZ - 1)
		buf[o++] = '*';
	buf[o] = '\0';
	return buf;
}
