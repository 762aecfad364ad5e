/* banned.h — functions we never call (git's banned.h): unbounded copies and hidden state.
 * Every .c file includes it directly, after all its other includes, so that no header's own
 * use of these names is caught. */
#ifndef WG_BANNED_H
#define WG_BANNED_H
#define BANNED(f) sorry_##f##_is_banned_use_a_bounded_alternative
#undef strcpy
#define strcpy(x, y) BANNED(strcpy)
#undef strcat
#define strcat(x, y) BANNED(strcat)
#undef sprintf
#define sprintf(...) BANNED(sprintf)
#undef vsprintf
#define vsprintf(...) BANNED(vsprintf)
#undef strtok
#define strtok(x, y) BANNED(strtok)
#undef gets
#define gets(x) BANNED(gets)
#undef atoi
#define atoi(x) BANNED(atoi)
#endif
