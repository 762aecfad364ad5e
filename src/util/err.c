/* err.c — names of the wg_status codes, for messages that end in a status rather than a
 * sentence of their own. Exports wg_strerror. */
#include "util/err.h"

#include "util/banned.h"

const char *wg_strerror(int status)
{
	switch ((enum wg_status)status) {
	case WG_OK: return "ok";
	case WG_ENOMEM: return "out of memory";
	case WG_EIO: return "I/O error";
	case WG_EINPUT: return "bad input";
	case WG_ENOTFOUND: return "not found";
	case WG_ECONFLICT: return "conflicts with existing data";
	case WG_ESTORE: return "database error";
	case WG_ERETRY: return "temporary failure, try again";
	case WG_ETAMPER: return "record does not match its hash";
	case WG_EUSAGE: return "usage error";
	}
	return "unknown error";
}
