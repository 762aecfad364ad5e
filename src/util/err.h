/* err.h — the one table of wageguard status codes, and the two kinds of failure reports:
 * WG_BUG (our code is wrong) and WG_BADINPUT (the outside world sent something wrong). */
#ifndef WG_ERR_H
#define WG_ERR_H
#include <stdio.h>

/* Every function that can fail returns one of these: 0 or a negative code. */
enum wg_status {
	WG_OK = 0,
	WG_ENOMEM = -1,    /* out of memory */
	WG_EIO = -2,       /* file or socket I/O failed */
	WG_EINPUT = -3,    /* bad input: a file, a field, an argument */
	WG_ENOTFOUND = -4, /* the thing asked for does not exist */
	WG_ECONFLICT = -5, /* the key exists with other values */
	WG_ESTORE = -6,    /* the database failed (hard) */
	WG_ERETRY = -7,    /* transient: serialization failure, busy; try again */
	WG_ETAMPER = -8,   /* the ledger or a record does not match its hash */
	WG_EUSAGE = -9,    /* the command line is wrong */
};

/* Returns a static, human-readable name of a status ("not found"). Never NULL. */
const char *wg_strerror(int status);

/* Our bug: an invariant broke. Logged with file and line; the caller still handles it. */
#define WG_BUG(msg) fprintf(stderr, "wageguard: BUG at %s:%d: %s\n", __FILE__, __LINE__, (msg))
/* Bad data from outside: logged as such, never as our failure. */
#define WG_BADINPUT(msg) fprintf(stderr, "wageguard: bad input: %s\n", (msg))
#endif
