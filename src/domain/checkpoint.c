/* checkpoint.c — the ledger key (a file beside the database, created on first use) and
 * signed checkpoints of the ledger's head: making, writing as JSON, reading, verifying. */
#include "domain/checkpoint.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <jansson.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "render/doc.h"
#include "util/err.h"
#include "util/banned.h"

#define KEY_HEADER "wageguard ledger key v1\n"

char *checkpoint_hex(const unsigned char *b, size_t n, char *out)
{
	return sodium_bin2hex(out, 2 * n + 1, b, n);
}

static int unhex(const char *hex, unsigned char *out, size_t n)
{
	size_t len;
	if (!hex || strlen(hex) != 2 * n ||
	    sodium_hex2bin(out, n, hex, 2 * n, NULL, &len, NULL) != 0 || len != n)
		return -1;
	return 0;
}

/* keeps letters, digits, '.', '-' and '_' of s: a file name part */
static void name_part(const char *s, size_t len, char *out, size_t n)
{
	size_t k = 0;
	for (size_t i = 0; i < len && s[i] && k + 1 < n; i++) {
		char c = s[i];
		out[k++] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
				(c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_'
			? c
			: '_';
	}
	out[k] = '\0';
}

void checkpoint_doc(struct doc *d, const struct checkpoint *c)
{
	char hash[65], pk[65], sig[129], when[32];
	time_t t = (time_t)c->at + 8 * 3600;
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(when, sizeof when, "%Y-%m-%d %H:%M", &tm);
	/* one note: anyone may check with wageguard ledger verify --checkpoint that the ledger
	 * still holds this entry */
	doc_note(d,
		 doc_strf(d,
			  "工资台账检查点 %s：第 %" PRId64 " 条（%s）hash %s key %s signature %s",
			  CHECKPOINT_ALGORITHM, c->seq, when,
			  checkpoint_hex(c->hash, sizeof c->hash, hash),
			  checkpoint_hex(c->public_key, sizeof c->public_key, pk),
			  checkpoint_hex(c->signature, sizeof c->signature, sig)));
}

void checkpoint_doc_footer(struct doc *d, const struct checkpoint *c)
{
	char hash[65];
	checkpoint_hex(c->hash, sizeof c->hash, hash);
	doc_footer(d,
		   doc_strf(d, "%s%s台账检查点 第 %" PRId64 " 条 hash %.16s…",
			    d->footer ? d->footer : "", d->footer ? " · " : "", c->seq, hash));
}

void checkpoint_key_path(const char *url, char *buf, size_t n)
{
	const char *env = getenv(CHECKPOINT_KEY_ENV);
	if (env && *env) {
		snprintf(buf, n, "%s", env);
		return;
	}
	const char *rest = NULL;
	if (strncmp(url, "postgresql://", 13) == 0)
		rest = url + 13;
	else if (strncmp(url, "postgres://", 11) == 0)
		rest = url + 11;
	if (!rest) {
		snprintf(buf, n, "%s.ledger-key", url);
		return;
	}
	/* postgresql://[user[:password]@]host[:port]/dbname[?…]: the password stays out */
	const char *slash = strchr(rest, '/'), *at = strchr(rest, '@');
	if (at && (!slash || at < slash))
		rest = at + 1;
	slash = strchr(rest, '/');
	size_t hostlen = slash ? (size_t)(slash - rest) : strcspn(rest, "?");
	const char *db = slash ? slash + 1 : "";
	char host[128], name[128];
	name_part(rest, hostlen, host, sizeof host);
	name_part(db, strcspn(db, "?"), name, sizeof name);
	const char *home = getenv("HOME");
	snprintf(buf, n, "%s/.config/wageguard/ledger-%s-%s.key", home && *home ? home : ".", host,
		 name);
}

/* mkdir -p of path's directory (the PostgreSQL default is under ~/.config) */
static void make_dirs(const char *path)
{
	char dir[4096];
	snprintf(dir, sizeof dir, "%s", path);
	for (char *p = dir + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		mkdir(dir, 0700);
		*p = '/';
	}
}

static int read_key(const char *path, struct checkpoint_key *k, char *err, size_t errsz)
{
	FILE *f = fopen(path, "r");
	if (!f) {
		if (errno == ENOENT)
			return WG_ENOTFOUND;
		snprintf(err, errsz, "cannot read the ledger key %s: %s", path, strerror(errno));
		return WG_EIO;
	}
	char text[512] = "";
	size_t len = fread(text, 1, sizeof text - 1, f);
	fclose(f);
	text[len] = '\0';
	char *hex = text + strlen(KEY_HEADER);
	hex[strcspn(hex, "\r\n")] = '\0';
	if (strncmp(text, KEY_HEADER, strlen(KEY_HEADER)) != 0 || unhex(hex, k->sk, sizeof k->sk)) {
		snprintf(err, errsz, "%s is not a wageguard ledger key", path);
		return WG_EIO;
	}
	crypto_sign_ed25519_sk_to_pk(k->pk, k->sk);
	sodium_memzero(text, sizeof text);
	return WG_OK;
}

int checkpoint_key_load(const char *path, int create, struct checkpoint_key *k, char *err,
			size_t errsz)
{
	if (sodium_init() < 0) {
		snprintf(err, errsz, "libsodium cannot start");
		return WG_EIO;
	}
	int rc = read_key(path, k, err, errsz);
	if (rc != WG_ENOTFOUND || !create)
		return rc;
	make_dirs(path);
	/* written whole to a file of its own, then linked into place: another process making
	 * the key at the same moment either wins the link (and this one reads its key) or loses
	 * it, and nobody ever reads a key file half written */
	char tmp[4200];
	if (snprintf(tmp, sizeof tmp, "%s.XXXXXX", path) >= (int)sizeof tmp) {
		snprintf(err, errsz, "the ledger key's path is too long: %s", path);
		return WG_EIO;
	}
	int fd = mkstemp(tmp); /* mode 0600 */
	if (fd >= 0)
		fcntl(fd, F_SETFD, FD_CLOEXEC);
	if (fd < 0) {
		snprintf(err, errsz, "cannot create the ledger key %s: %s", path, strerror(errno));
		return WG_EIO;
	}
	char hex[2 * sizeof k->sk + 1], text[sizeof hex + 64];
	crypto_sign_keypair(k->pk, k->sk);
	int len = snprintf(text, sizeof text, "%s%s\n", KEY_HEADER,
			   checkpoint_hex(k->sk, sizeof k->sk, hex));
	bool ok = write(fd, text, (size_t)len) == len && fsync(fd) == 0;
	sodium_memzero(hex, sizeof hex);
	sodium_memzero(text, sizeof text);
	if (close(fd) != 0 || !ok) {
		unlink(tmp);
		snprintf(err, errsz, "cannot write the ledger key %s", path);
		return WG_EIO;
	}
	int linked = link(tmp, path) == 0 ? 0 : errno;
	unlink(tmp);
	if (linked == EEXIST)
		return read_key(path, k, err, errsz); /* another process made it just now */
	if (linked) {
		snprintf(err, errsz, "cannot create the ledger key %s: %s", path, strerror(linked));
		return WG_EIO;
	}
	return WG_OK;
}

/* What is signed: the algorithm, the entry, its hash and the time, one a line. */
static int message(const struct checkpoint *c, char *out, size_t n)
{
	char hex[65];
	return snprintf(out, n, "%s\n%" PRId64 "\n%s\n%" PRId64 "\n", CHECKPOINT_ALGORITHM, c->seq,
			checkpoint_hex(c->hash, sizeof c->hash, hex), c->at);
}

int checkpoint_make(struct store *s, const struct checkpoint_key *k, struct checkpoint *c)
{
	memset(c, 0, sizeof *c);
	int rc = s->ops->ledger_head(s, &c->seq, c->hash);
	if (rc)
		return rc;
	/* the head entry's own time: the same head always gives the same checkpoint */
	struct ledger_entry e;
	if (c->seq > 0 && (rc = s->ops->ledger_get(s, c->seq, &e)))
		return rc;
	c->at = c->seq > 0 ? e.at : 0;
	memcpy(c->public_key, k->pk, sizeof c->public_key);
	char m[256];
	int len = message(c, m, sizeof m);
	crypto_sign_detached(c->signature, NULL, (const unsigned char *)m, (unsigned long long)len,
			     k->sk);
	return WG_OK;
}

char *checkpoint_json(const struct checkpoint *c)
{
	char hash[65], pk[65], sig[129], when[32];
	time_t t = (time_t)c->at + 8 * 3600; /* Asia/Shanghai */
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%S+08:00", &tm);
	json_t *j = json_pack("{s:s, s:I, s:s, s:I, s:s, s:s, s:s}", "algorithm",
			      CHECKPOINT_ALGORITHM, "seq", (json_int_t)c->seq, "hash",
			      checkpoint_hex(c->hash, sizeof c->hash, hash), "at",
			      (json_int_t)c->at, "recorded_at", when, "public_key",
			      checkpoint_hex(c->public_key, sizeof c->public_key, pk), "signature",
			      checkpoint_hex(c->signature, sizeof c->signature, sig));
	char *text = j ? json_dumps(j, JSON_COMPACT | JSON_PRESERVE_ORDER) : NULL;
	json_decref(j);
	return text;
}

int checkpoint_parse(const char *text, struct checkpoint *c, char *err, size_t errsz)
{
	json_error_t jerr;
	json_t *j = json_loads(text, 0, &jerr);
	const char *alg = NULL, *hash = NULL, *pk = NULL, *sig = NULL;
	json_int_t seq = -1, at = 0;
	int rc = -1;
	memset(c, 0, sizeof *c);
	if (!j ||
	    json_unpack(j, "{s:s, s:I, s:s, s:I, s:s, s:s}", "algorithm", &alg, "seq", &seq, "hash",
			&hash, "at", &at, "public_key", &pk, "signature", &sig))
		snprintf(err, errsz,
			 "not a ledger checkpoint (JSON with algorithm, seq, hash, at, "
			 "public_key, signature)");
	else if (strcmp(alg, CHECKPOINT_ALGORITHM) != 0)
		snprintf(err, errsz, "algorithm '%.40s' is not %s", alg, CHECKPOINT_ALGORITHM);
	else if (seq < 0 || unhex(hash, c->hash, sizeof c->hash) ||
		 unhex(pk, c->public_key, sizeof c->public_key) ||
		 unhex(sig, c->signature, sizeof c->signature))
		snprintf(err, errsz,
			 "the checkpoint's seq, hash, public_key or signature is malformed");
	else
		rc = 0;
	c->seq = seq;
	c->at = at;
	json_decref(j);
	return rc;
}

int checkpoint_verify(struct store *s, const struct checkpoint *c, const unsigned char *pk,
		      char *err, size_t errsz)
{
	char m[256], hex[65];
	if (sodium_init() < 0) {
		snprintf(err, errsz, "libsodium cannot start");
		return WG_EIO;
	}
	if (pk && sodium_memcmp(pk, c->public_key, sizeof c->public_key) != 0) {
		snprintf(err, errsz,
			 "the checkpoint is signed by another key (%s…), not this ledger's",
			 checkpoint_hex(c->public_key, 8, hex));
		return WG_ETAMPER;
	}
	int len = message(c, m, sizeof m);
	if (crypto_sign_verify_detached(c->signature, (const unsigned char *)m,
					(unsigned long long)len, c->public_key) != 0) {
		snprintf(err, errsz, "the checkpoint's signature does not match its content");
		return WG_ETAMPER;
	}
	if (c->seq == 0)
		return WG_OK;
	struct ledger_entry e;
	int64_t head;
	unsigned char head_hash[LEDGER_HASH_BYTES];
	int rc = s->ops->ledger_get(s, c->seq, &e);
	if (rc == WG_ENOTFOUND) {
		if ((rc = s->ops->ledger_head(s, &head, head_hash)))
			return rc;
		snprintf(err, errsz,
			 "the ledger ends at entry %" PRId64 ", before entry %" PRId64
			 " of the checkpoint: entries were removed",
			 head, c->seq);
		return WG_ETAMPER;
	}
	if (rc)
		return rc;
	if (sodium_memcmp(e.hash, c->hash, sizeof c->hash) != 0) {
		snprintf(err, errsz,
			 "entry %" PRId64 " is not the one the checkpoint signed: the ledger was "
			 "rewritten",
			 c->seq);
		return WG_ETAMPER;
	}
	return WG_OK;
}
