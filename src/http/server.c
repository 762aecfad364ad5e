/* server.c — the HTTP server core on libmicrohttpd: a thread pool over epoll, one store
 * connection per thread, a limit on connections per client address, requests admitted
 * (route, caller, role) before their body is read, bodies gathered under the route's size
 * cap (uploads spooled to a temporary file), slow work (password checks) on work threads
 * behind a bounded queue while the connection waits suspended, security headers on every
 * response, the web UI's static files, a JSON access log, counters for /metrics, and a
 * graceful stop on SIGTERM or SIGINT. Routing and authentication are router.c's. */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <microhttpd.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <zlib.h>

#include "domain/checkpoint.h"
#include "http/http.h"
#include "http/router.h"
#include "util/dbuf.h"
#include "util/err.h"
#include "util/banned.h"

#define CONNECTION_TIMEOUT 30 /* seconds a silent connection is kept */
#define CONNECTIONS_MAX 4096
#define PER_ADDRESS_CONNECTIONS 64 /* default of --per-address-connections */
#define WORK_QUEUE 64              /* default of --login-queue */
#define DRAIN_MAX (4u << 20)       /* a refused body up to this is read and dropped */

static const char *const security_headers[][2] = {
	{"Content-Security-Policy",
	 "default-src 'self'; img-src 'self' data:; style-src 'self' "
	 "'unsafe-inline'; script-src 'self'; connect-src 'self'; "
	 "frame-ancestors 'none'; base-uri 'self'; form-action 'self'"},
	{"X-Content-Type-Options", "nosniff"},
	{"X-Frame-Options", "DENY"},
	{"Referrer-Policy", "no-referrer"},
	{"Cross-Origin-Opener-Policy", "same-origin"},
};

struct server {
	const struct http_options *o;
	char web[4096];
};

struct conn_ctx {
	struct dbuf body;
	int upload_fd; /* the spooled upload, or -1 */
	char upload_path[512];
	size_t received;
	bool too_large;
	bool answered;  /* a response is queued */
	bool refused;   /* answered early (rs), its small body being dropped */
	bool suspended; /* waiting for a work thread */
	bool work_done; /* the work thread filled rs */
	bool api;
	struct router_state st;
	struct http_resp rs;
	struct timespec started;
	int status;
	char user[64];
	char remote[64];
	char *url;
	char method[8], path[256];
};

static bool access_log = true;           /* WAGEGUARD_ACCESS_LOG=0 turns it off (benchmarks) */
static bool cookie_secure;               /* set once by http_serve, read by every thread */
static struct checkpoint_key ledger_key; /* loaded once by http_serve */

int http_checkpoint(struct store *s, struct checkpoint *c)
{
	return checkpoint_make(s, &ledger_key, c);
}

const char *http_cookie_secure(void)
{
	return cookie_secure ? "; Secure" : "";
}

/* Counters for /metrics. */
static atomic_llong m_requests[6]; /* by status class: 1xx … 5xx, [0] other */
static atomic_llong m_duration_us;
static atomic_llong m_in_flight;
static atomic_llong m_body_rejected;
static atomic_llong m_work_rejected;

void http_metrics_text(char **out, size_t *len)
{
	struct dbuf b = DBUF_INIT;
	dbuf_adds(&b,
		  "# HELP wageguard_http_requests_total HTTP requests answered, by status class.\n"
		  "# TYPE wageguard_http_requests_total counter\n");
	for (int i = 1; i <= 5; i++)
		dbuf_addf(&b, "wageguard_http_requests_total{class=\"%dxx\"} %lld\n", i,
			  (long long)atomic_load(&m_requests[i]));
	dbuf_addf(
		&b,
		"# HELP wageguard_http_request_seconds_sum Time spent answering.\n"
		"# TYPE wageguard_http_request_seconds_sum counter\n"
		"wageguard_http_request_seconds_sum %.6f\n"
		"# HELP wageguard_http_in_flight Requests being answered now.\n"
		"# TYPE wageguard_http_in_flight gauge\n"
		"wageguard_http_in_flight %lld\n"
		"# HELP wageguard_http_bodies_rejected_total Bodies over the size limit.\n"
		"# TYPE wageguard_http_bodies_rejected_total counter\n"
		"wageguard_http_bodies_rejected_total %lld\n"
		"# HELP wageguard_http_work_rejected_total Slow work refused: its queue was full.\n"
		"# TYPE wageguard_http_work_rejected_total counter\n"
		"wageguard_http_work_rejected_total %lld\n",
		(double)atomic_load(&m_duration_us) / 1e6, (long long)atomic_load(&m_in_flight),
		(long long)atomic_load(&m_body_rejected), (long long)atomic_load(&m_work_rejected));
	*len = b.len;
	*out = b.p ? b.p : strdup("");
}

/* Each server thread keeps one store connection, closed when the thread ends. */
static pthread_key_t store_key;
static pthread_once_t store_once = PTHREAD_ONCE_INIT;
static const char *store_url;

static void close_store(void *s)
{
	store_close(s);
}

static void make_key(void)
{
	pthread_key_create(&store_key, close_store);
}

static struct store *thread_store(void)
{
	pthread_once(&store_once, make_key);
	struct store *s = pthread_getspecific(store_key);
	if (!s) {
		char err[512];
		if (store_open(&s, store_url, err, sizeof err)) {
			fprintf(stderr, "wageguard serve: cannot open the database: %s\n", err);
			return NULL;
		}
		pthread_setspecific(store_key, s);
	}
	return s;
}

static const char *content_type(const char *path)
{
	static const char *const types[][2] = {
		{".html", "text/html; charset=utf-8"},
		{".js", "text/javascript; charset=utf-8"},
		{".mjs", "text/javascript; charset=utf-8"},
		{".css", "text/css; charset=utf-8"},
		{".json", "application/json"},
		{".svg", "image/svg+xml"},
		{".png", "image/png"},
		{".ico", "image/x-icon"},
		{".woff2", "font/woff2"},
		{".map", "application/json"},
	};
	const char *dot = strrchr(path, '.');
	for (size_t i = 0; dot && i < sizeof types / sizeof types[0]; i++)
		if (strcmp(dot, types[i][0]) == 0)
			return types[i][1];
	return "application/octet-stream";
}

/* Whether the client's Accept-Encoding takes coding (a listed token without ";q=0"). */
static bool accepts(const char *ae, const char *coding)
{
	size_t n = strlen(coding);
	for (const char *p = ae; p && *p;) {
		while (*p == ' ' || *p == ',')
			p++;
		const char *end = p + strcspn(p, ",");
		if ((size_t)(end - p) >= n && strncasecmp(p, coding, n) == 0 &&
		    (p[n] == ',' || p[n] == ';' || p[n] == ' ' || p[n] == '\0')) {
			const char *q = strstr(p, ";q=");
			return !(q && q < end && strtod(q + 3, NULL) <= 0);
		}
		p = end;
	}
	return false;
}

/* Opens file's precompressed sibling (file.br, else file.gz) when the client takes that
 * coding: the build writes them beside the assets (scripts/precompress.mjs). Returns the
 * descriptor with its stat and coding, or -1. */
static int precompressed(const char *file, const char *ae, struct stat *st, const char **coding)
{
	static const char *const codings[][2] = {{"br", ".br"}, {"gzip", ".gz"}};
	char alt[4400];
	for (int i = 0; ae && i < 2; i++) {
		if (!accepts(ae, codings[i][0]))
			continue;
		snprintf(alt, sizeof alt, "%s%s", file, codings[i][1]);
		int fd = open(alt, O_RDONLY | O_CLOEXEC);
		if (fd < 0)
			continue;
		if (fstat(fd, st) == 0 && S_ISREG(st->st_mode)) {
			*coding = codings[i][0];
			return fd;
		}
		close(fd);
	}
	return -1;
}

/* A file of the web UI for path; unknown paths get index.html (the UI routes itself). Sent
 * precompressed where the build made a .br or .gz and the client takes it (ae: its
 * Accept-Encoding, or NULL). */
static struct MHD_Response *static_file(struct server *sv, const char *path, const char *ae,
					int *status)
{
	char file[4352];
	struct stat st;
	int fd = -1;
	const char *coding = NULL;
	*status = 200;
	if (sv->web[0] && !strstr(path, "..") && strlen(path) < 256) {
		snprintf(file, sizeof file, "%s%s", sv->web, path);
		if (stat(file, &st) == 0 && S_ISREG(st.st_mode) &&
		    (fd = precompressed(file, ae, &st, &coding)) < 0)
			fd = open(file, O_RDONLY | O_CLOEXEC);
	}
	if (fd < 0) {
		snprintf(file, sizeof file, "%s/index.html", sv->web);
		if (sv->web[0] && stat(file, &st) == 0 &&
		    (fd = precompressed(file, ae, &st, &coding)) >= 0) {
			/* index.html, compressed */
		} else if (!sv->web[0] || stat(file, &st) != 0 ||
			   (fd = open(file, O_RDONLY | O_CLOEXEC)) < 0) {
			static const char missing[] =
				"<!doctype html><meta charset=utf-8><title>wageguard</title>"
				"<p>此服务器未安装网页界面。The web UI is not installed with this "
				"server (wageguard help serve).</p>";
			*status = 404;
			struct MHD_Response *r = MHD_create_response_from_buffer(
				sizeof missing - 1, (void *)missing, MHD_RESPMEM_PERSISTENT);
			MHD_add_response_header(r, "Content-Type", "text/html; charset=utf-8");
			return r;
		}
	}
	struct MHD_Response *r = MHD_create_response_from_fd((uint64_t)st.st_size, fd);
	if (r) {
		MHD_add_response_header(r, "Content-Type", content_type(file));
		if (coding)
			MHD_add_response_header(r, "Content-Encoding", coding);
		MHD_add_response_header(r, "Vary", "Accept-Encoding");
		/* hashed asset names never change; the page itself is always fetched fresh */
		MHD_add_response_header(r, "Cache-Control",
					strstr(file, "/assets/")
						? "public, max-age=31536000, immutable"
						: "no-cache");
	}
	return r;
}

/* The language the client asks messages in (Accept-Language; Chinese by default). */
static enum msg_lang request_lang(struct MHD_Connection *c)
{
	return msg_lang_accept(MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Accept-Language"));
}

static void remote_addr(struct MHD_Connection *c, char *buf, size_t n)
{
	const union MHD_ConnectionInfo *ci =
		MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	snprintf(buf, n, "-");
	if (!ci || !ci->client_addr)
		return;
	const struct sockaddr *sa = ci->client_addr;
	if (sa->sa_family == AF_INET)
		inet_ntop(AF_INET, &((const struct sockaddr_in *)sa)->sin_addr, buf, (socklen_t)n);
	else if (sa->sa_family == AF_INET6)
		inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)sa)->sin6_addr, buf,
			  (socklen_t)n);
}

static enum MHD_Result answer(struct MHD_Connection *c, struct conn_ctx *cx, struct MHD_Response *r,
			      int status, bool api)
{
	if (!r)
		return MHD_NO;
	for (size_t i = 0; i < sizeof security_headers / sizeof security_headers[0]; i++)
		MHD_add_response_header(r, security_headers[i][0], security_headers[i][1]);
	if (api)
		MHD_add_response_header(r, "Cache-Control", "no-store");
	cx->status = status;
	cx->answered = true;
	enum MHD_Result ok = MHD_queue_response(c, (unsigned)status, r);
	MHD_destroy_response(r);
	return ok;
}

#define GZIP_MIN 1024 /* smaller answers go as they are: the headers would eat the gain */

/* A gzip copy of body (malloc'd, *out_len), or NULL when it does not pay or fails. */
static char *gzip_body(const char *body, size_t len, size_t *out_len)
{
	z_stream z = {0};
	/* level 5: most of level 9's gain at a fraction of its time, on every answer */
	if (deflateInit2(&z, 5, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
		return NULL;
	size_t cap = deflateBound(&z, (uLong)len);
	char *out = malloc(cap);
	if (!out) {
		deflateEnd(&z);
		return NULL;
	}
	z.next_in = (Bytef *)body;
	z.avail_in = (uInt)len;
	z.next_out = (Bytef *)out;
	z.avail_out = (uInt)cap;
	int zr = deflate(&z, Z_FINISH);
	*out_len = z.total_out;
	deflateEnd(&z);
	if (zr != Z_STREAM_END || *out_len >= len) {
		free(out);
		return NULL;
	}
	return out;
}

/* Whether an answer of this type is worth compressing (text; not PDF, XLSX or images). */
static bool compressible(const char *type)
{
	return strncmp(type, "application/json", 16) == 0 || strncmp(type, "text/", 5) == 0;
}

/* Sends rs (taking what it owns); gzip-compressed when the client takes it. */
static enum MHD_Result send_resp(struct MHD_Connection *c, struct conn_ctx *cx,
				 struct http_resp *rs)
{
	struct MHD_Response *r;
	char *data;
	size_t len;
	const char *type;
	enum MHD_ResponseMemoryMode mode = MHD_RESPMEM_MUST_FREE;
	if (rs->json) {
		data = json_dumps(rs->json, JSON_COMPACT | JSON_PRESERVE_ORDER);
		json_decref(rs->json);
		rs->json = NULL;
		len = data ? strlen(data) : 0;
		type = "application/json; charset=utf-8";
	} else {
		data = rs->body ? rs->body : (char *)"";
		len = rs->body_len;
		mode = rs->body ? MHD_RESPMEM_MUST_FREE : MHD_RESPMEM_PERSISTENT;
		rs->body = NULL;
		type = rs->content_type ? rs->content_type : "text/plain; charset=utf-8";
	}
	const char *ae = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Accept-Encoding");
	const char *coding = NULL;
	if (data && len >= GZIP_MIN && compressible(type) && ae && accepts(ae, "gzip")) {
		size_t zlen;
		char *z = gzip_body(data, len, &zlen);
		if (z) {
			if (mode == MHD_RESPMEM_MUST_FREE)
				free(data);
			data = z;
			len = zlen;
			mode = MHD_RESPMEM_MUST_FREE;
			coding = "gzip";
		}
	}
	r = MHD_create_response_from_buffer(len, data, mode);
	MHD_add_response_header(r, "Content-Type", type);
	if (coding)
		MHD_add_response_header(r, "Content-Encoding", coding);
	if (len >= GZIP_MIN || coding)
		MHD_add_response_header(r, "Vary", "Accept-Encoding");
	if (rs->cookie[0])
		MHD_add_response_header(r, "Set-Cookie", rs->cookie);
	if (rs->disposition[0])
		MHD_add_response_header(r, "Content-Disposition", rs->disposition);
	if (rs->retry_after > 0) {
		char s[24];
		snprintf(s, sizeof s, "%d", rs->retry_after);
		MHD_add_response_header(r, "Retry-After", s);
	}
	return answer(c, cx, r, rs->status, true);
}

/* ---- work threads --------------------------------------------------------------------
 * Password checks cost tens of milliseconds of CPU and 64 MiB each: on the request threads a
 * handful of anonymous logins would stall every other request. The request is suspended
 * (its thread serves others), the check runs here, and the connection is resumed with the
 * answer. The queue is bounded: beyond it the server answers 503 at once. */

struct work {
	struct MHD_Connection *c;
	struct conn_ctx *cx;
};

static struct {
	pthread_mutex_t mu;
	pthread_cond_t cv;
	struct work *q;
	int cap, head, n;
	bool stop;
	pthread_t thread[4];
	int nthreads;
} pool = {.mu = PTHREAD_MUTEX_INITIALIZER, .cv = PTHREAD_COND_INITIALIZER};

static void *work_main(void *arg)
{
	(void)arg;
	for (;;) {
		pthread_mutex_lock(&pool.mu);
		while (!pool.n && !pool.stop)
			pthread_cond_wait(&pool.cv, &pool.mu);
		if (!pool.n) {
			pthread_mutex_unlock(&pool.mu);
			return NULL;
		}
		struct work w = pool.q[pool.head];
		pool.head = (pool.head + 1) % pool.cap;
		pool.n--;
		bool stopping = pool.stop;
		pthread_mutex_unlock(&pool.mu);
		struct http_resp *rs = &w.cx->rs;
		struct store *s = stopping ? NULL : thread_store();
		void (*fn)(struct store *, void *, struct http_resp *) = rs->defer;
		rs->defer = NULL;
		fn(s, rs->defer_ctx, rs);
		if (!s) {
			/* stopping, or this thread's database connection could not be opened */
			http_error(rs, 503, "UNAVAILABLE",
				   stopping ? MSG_HTTP_STOPPING : MSG_HTTP_DB_UNAVAILABLE, MSG_END);
			rs->retry_after = 5;
		}
		w.cx->work_done = true;
		MHD_resume_connection(w.c);
	}
}

static int pool_start(int cap, int threads)
{
	pool.q = calloc((size_t)cap, sizeof *pool.q);
	if (!pool.q)
		return -1;
	pool.cap = cap;
	for (; pool.nthreads < threads; pool.nthreads++)
		if (pthread_create(&pool.thread[pool.nthreads], NULL, work_main, NULL))
			return -1;
	return 0;
}

/* Finishes the queue (each waiting request answered 503) and ends the threads. */
static void pool_stop(void)
{
	pthread_mutex_lock(&pool.mu);
	pool.stop = true;
	pthread_cond_broadcast(&pool.cv);
	pthread_mutex_unlock(&pool.mu);
	for (int i = 0; i < pool.nthreads; i++)
		pthread_join(pool.thread[i], NULL);
	free(pool.q);
}

/* Queues the work rs asks for. Returns false when the queue is full. */
static bool pool_submit(struct MHD_Connection *c, struct conn_ctx *cx)
{
	pthread_mutex_lock(&pool.mu);
	bool ok = pool.n < pool.cap && !pool.stop;
	if (ok) {
		/* suspended before a work thread can resume it */
		cx->suspended = true;
		MHD_suspend_connection(c);
		pool.q[(pool.head + pool.n) % pool.cap] = (struct work){c, cx};
		pool.n++;
		pthread_cond_signal(&pool.cv);
	}
	pthread_mutex_unlock(&pool.mu);
	return ok;
}

/* ---- requests ------------------------------------------------------------------------- */

static void too_large(struct conn_ctx *cx)
{
	char max[24];
	snprintf(max, sizeof max, "%zu", cx->st.body_max);
	http_error(&cx->rs, 413, "TOO_LARGE", MSG_HTTP_TOO_LARGE, "max", max, MSG_END);
}

/* A request refused before its body is read. A small body (up to DRAIN_MAX) is read and
 * dropped first, so that a client that sends it whole before reading still gets the answer;
 * a larger one, or one of unknown length, is answered at once and the connection closed. */
static enum MHD_Result refuse_early(struct MHD_Connection *c, struct conn_ctx *cx)
{
	if (cx->rs.status == 413)
		atomic_fetch_add(&m_body_rejected, 1);
	const char *len = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Content-Length");
	unsigned long long n = len ? strtoull(len, NULL, 10) : 0;
	if (n > 0 && n <= DRAIN_MAX && cx->received == 0) {
		cx->refused = true;
		return MHD_YES;
	}
	return send_resp(c, cx, &cx->rs);
}

/* The first call, headers in: admits the request or answers it before reading its body. */
static enum MHD_Result start(struct MHD_Connection *c, struct conn_ctx *cx, const char *url,
			     const char *method)
{
	cx->rs.status = 200;
	cx->rs.lang = request_lang(c);
	if (!cx->api)
		return MHD_YES;
	struct store *s = thread_store();
	if (!s) {
		http_error(&cx->rs, 503, "UNAVAILABLE", MSG_HTTP_DB_UNAVAILABLE, MSG_END);
		return refuse_early(c, cx);
	}
	if (!router_admit(&cx->st, c, s, method, cx->url, cx->remote, &cx->rs, cx->user,
			  sizeof cx->user))
		return refuse_early(c, cx);
	const char *len = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Content-Length");
	if (len && strtoull(len, NULL, 10) > cx->st.body_max) {
		too_large(cx);
		return refuse_early(c, cx);
	}
	if (cx->st.body_upload) {
		const char *dir = getenv("TMPDIR");
		snprintf(cx->upload_path, sizeof cx->upload_path, "%s/wageguard-upload-XXXXXX",
			 dir && *dir ? dir : "/tmp");
		cx->upload_fd = mkstemp(cx->upload_path);
		if (cx->upload_fd < 0) {
			cx->upload_path[0] = '\0';
			http_error(&cx->rs, 500, "INTERNAL", MSG_HTTP_UPLOAD_HOLD, MSG_END);
			return refuse_early(c, cx);
		}
	}
	cx->body.max = cx->st.body_max;
	(void)url;
	return MHD_YES;
}

/* A piece of the body. */
static enum MHD_Result take(struct MHD_Connection *c, struct conn_ctx *cx, const char *data,
			    size_t n)
{
	if (cx->answered || cx->too_large || cx->refused)
		return MHD_YES;
	cx->received += n;
	if (cx->received > cx->st.body_max) {
		cx->too_large = true;
	} else if (cx->upload_fd >= 0) {
		for (size_t done = 0; done < n;) {
			ssize_t w = write(cx->upload_fd, data + done, n - done);
			if (w <= 0) {
				http_error(&cx->rs, 500, "INTERNAL", MSG_HTTP_UPLOAD_HOLD, MSG_END);
				return refuse_early(c, cx);
			}
			done += (size_t)w;
		}
	} else if (dbuf_add(&cx->body, data, n) < 0) {
		cx->too_large = true;
	}
	if (cx->too_large) {
		/* answer now rather than read the rest */
		dbuf_release(&cx->body);
		too_large(cx);
		return refuse_early(c, cx);
	}
	return MHD_YES;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url,
				  const char *method, const char *version, const char *upload,
				  size_t *upload_size, void **con_cls)
{
	struct server *sv = cls;
	struct conn_ctx *cx = *con_cls;
	(void)version;
	if (!cx) {
		cx = calloc(1, sizeof *cx);
		if (!cx || !(cx->url = strdup(url))) {
			free(cx);
			return MHD_NO;
		}
		cx->upload_fd = -1;
		clock_gettime(CLOCK_MONOTONIC, &cx->started);
		snprintf(cx->method, sizeof cx->method, "%s", method);
		snprintf(cx->path, sizeof cx->path, "%s", url);
		remote_addr(c, cx->remote, sizeof cx->remote);
		cx->api = strncmp(url, "/api/", 5) == 0 || strcmp(url, "/healthz") == 0 ||
			strcmp(url, "/metrics") == 0;
		*con_cls = cx;
		atomic_fetch_add(&m_in_flight, 1);
		return start(c, cx, url, method);
	}
	if (*upload_size) {
		size_t n = *upload_size;
		*upload_size = 0;
		return take(c, cx, upload, n);
	}
	if (cx->answered)
		return MHD_YES;
	if (cx->work_done || cx->refused)
		return send_resp(c, cx, &cx->rs);
	if (!cx->api) {
		int status;
		if (strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0) {
			http_error(&cx->rs, 405, "METHOD_NOT_ALLOWED", MSG_HTTP_ONLY_GET, MSG_END);
			return send_resp(c, cx, &cx->rs);
		}
		struct MHD_Response *r = static_file(
			sv, url, MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Accept-Encoding"),
			&status);
		return answer(c, cx, r, status, false);
	}
	if (cx->upload_fd >= 0) {
		close(cx->upload_fd);
		cx->upload_fd = -1;
	}
	router_dispatch(&cx->st, dbuf_str(&cx->body), cx->body.len,
			cx->upload_path[0] ? cx->upload_path : NULL, &cx->rs);
	if (cx->rs.defer) {
		if (pool_submit(c, cx))
			return MHD_YES;
		void (*fn)(struct store *, void *, struct http_resp *) = cx->rs.defer;
		cx->rs.defer = NULL;
		fn(NULL, cx->rs.defer_ctx, &cx->rs);
		atomic_fetch_add(&m_work_rejected, 1);
		http_error(&cx->rs, 503, "BUSY", MSG_HTTP_BUSY, MSG_END);
		cx->rs.retry_after = 1;
	}
	return send_resp(c, cx, &cx->rs);
}

/* After each request: the access log line and the counters. */
static void on_done(void *cls, struct MHD_Connection *c, void **con_cls,
		    enum MHD_RequestTerminationCode why)
{
	struct conn_ctx *cx = *con_cls;
	(void)cls;
	(void)why;
	if (!cx)
		return;
	struct timespec end;
	clock_gettime(CLOCK_MONOTONIC, &end);
	long long us = (end.tv_sec - cx->started.tv_sec) * 1000000LL +
		(end.tv_nsec - cx->started.tv_nsec) / 1000;
	atomic_fetch_add(&m_duration_us, us);
	atomic_fetch_sub(&m_in_flight, 1);
	int cls_ix = cx->status / 100;
	atomic_fetch_add(&m_requests[cls_ix >= 1 && cls_ix <= 5 ? cls_ix : 0], 1);
	if (access_log) {
		json_t *line = NULL;
		/* through jansson: the path comes from the client and must be escaped */
		line = json_pack("{s:s, s:s, s:s, s:s, s:i, s:I, s:s}", "log", "access", "remote",
				 cx->remote, "method", cx->method, "path", cx->path, "status",
				 cx->status, "us", (json_int_t)us, "user", cx->user);
		char *text = line ? json_dumps(line, JSON_COMPACT | JSON_PRESERVE_ORDER) : NULL;
		if (text)
			fprintf(stderr, "%s\n", text);
		free(text);
		json_decref(line);
	}
	dbuf_release(&cx->body);
	if (cx->upload_fd >= 0)
		close(cx->upload_fd);
	if (cx->upload_path[0])
		unlink(cx->upload_path);
	json_decref(cx->rs.json);
	free(cx->rs.body);
	free(cx->url);
	free(cx);
	*con_cls = NULL;
}

int http_serve(const struct http_options *o)
{
	struct server sv = {.o = o};
	char host[256] = "127.0.0.1";
	int port = 8080;
	const char *colon = o->listen ? strrchr(o->listen, ':') : NULL;
	if (o->listen) {
		if (!colon || colon == o->listen || (size_t)(colon - o->listen) >= sizeof host ||
		    (port = (int)strtol(colon + 1, NULL, 10)) <= 0 || port > 65535) {
			fprintf(stderr, "wageguard serve: --listen wants ADDR:PORT, not '%s'\n",
				o->listen);
			return 1;
		}
		memcpy(host, o->listen, (size_t)(colon - o->listen));
		host[colon - o->listen] = '\0';
	}
	struct sockaddr_in addr = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
	if (inet_pton(AF_INET, host, &addr.sin_addr) != 1) {
		fprintf(stderr, "wageguard serve: '%s' is not an IPv4 address\n", host);
		return 1;
	}
	snprintf(sv.web, sizeof sv.web, "%s", o->web ? o->web : "");
	/* behind TLS the session cookie must never travel over plain http */
	cookie_secure = o->secure_cookie > 0 ||
		(o->secure_cookie < 0 && o->public_url &&
		 strncasecmp(o->public_url, "https://", 8) == 0);
	store_url = o->db;
	const char *log = getenv("WAGEGUARD_ACCESS_LOG");
	access_log = !log || strcmp(log, "0") != 0;
	/* check the database once before listening, and apply its migrations */
	struct store *s = thread_store();
	if (!s)
		return 1;
	/* the key that signs the ledger checkpoints every notice and payslip carries */
	char key_path[4096], err[512];
	checkpoint_key_path(o->db, key_path, sizeof key_path);
	if (checkpoint_key_load(key_path, 1, &ledger_key, err, sizeof err)) {
		fprintf(stderr, "wageguard serve: %s\n", err);
		return 1;
	}
	/* the signals go to sigwait below, not to the server's threads */
	sigset_t stop;
	sigemptyset(&stop);
	sigaddset(&stop, SIGTERM);
	sigaddset(&stop, SIGINT);
	pthread_sigmask(SIG_BLOCK, &stop, NULL);
	signal(SIGPIPE, SIG_IGN);
	long cores = sysconf(_SC_NPROCESSORS_ONLN);
	unsigned threads = (unsigned)(o->threads > 0 ? o->threads : cores > 0 ? cores : 2);
	int per_address = o->per_address_connections >= 0 ? o->per_address_connections
							  : PER_ADDRESS_CONNECTIONS;
	if (pool_start(o->login_queue > 0 ? o->login_queue : WORK_QUEUE, 1)) {
		fprintf(stderr, "wageguard serve: cannot start the work thread\n");
		return 1;
	}
	struct MHD_Daemon *d = MHD_start_daemon(
		MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_USE_ERROR_LOG |
			MHD_ALLOW_SUSPEND_RESUME,
		(uint16_t)port, NULL, NULL, on_request, &sv, MHD_OPTION_SOCK_ADDR, &addr,
		MHD_OPTION_THREAD_POOL_SIZE, threads, MHD_OPTION_CONNECTION_TIMEOUT,
		(unsigned)CONNECTION_TIMEOUT, MHD_OPTION_CONNECTION_LIMIT,
		(unsigned)CONNECTIONS_MAX, MHD_OPTION_PER_IP_CONNECTION_LIMIT,
		(unsigned)per_address, MHD_OPTION_LISTEN_BACKLOG_SIZE, 1024u,
		MHD_OPTION_NOTIFY_COMPLETED, on_done, NULL, MHD_OPTION_END);
	if (!d) {
		pool_stop();
		fprintf(stderr, "wageguard serve: cannot listen on %s:%d: %s\n", host, port,
			strerror(errno));
		return 1;
	}
	fprintf(stderr, "wageguard serve: listening on http://%s:%d/ (%u threads, %s%s)\n", host,
		port, threads, sv.web[0] ? "web UI from " : "no web UI", sv.web);
	int sig;
	sigwait(&stop, &sig);
	fprintf(stderr, "wageguard serve: %s, finishing requests in flight\n",
		sig == SIGTERM ? "SIGTERM" : "SIGINT");
	/* every suspended request is resumed (answered) before the daemon may stop */
	pool_stop();
	MHD_stop_daemon(d);
	return 0;
}
