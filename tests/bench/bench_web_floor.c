/* bench_web_floor.c - the library's floor for the console's inbox benchmark: libmicrohttpd with
 * GnuTLS started exactly as akses-web starts it (kiosk/web/web_server.c: same flags, limits, cert
 * and key, one internal thread) answering every request with one fixed buffer of SIZE bytes and
 * akses-web's header set. Usage: bench_web_floor CERT KEY PORT SIZE; runs until SIGTERM. */
#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static volatile sig_atomic_t stop;
static char *page;
static size_t page_len;

/* the same headers akses-web sends with every page, so that both send the same bytes */
static const char *const headers[][2] = {
    {"Content-Security-Policy",
     "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
     "form-action 'self'; base-uri 'none'; object-src 'none'; frame-ancestors 'none'"},
    {"Strict-Transport-Security", "max-age=31536000"},
    {"X-Content-Type-Options", "nosniff"},
    {"Referrer-Policy", "no-referrer"},
    {"X-Frame-Options", "DENY"},
    {"Cache-Control", "no-store"},
    {"Content-Type", "text/html; charset=utf-8"},
};

static void on_signal(int sig)
{
	(void)sig;
	stop = 1;
}

static char *read_all(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	char *s = malloc(65536);
	size_t n = s ? fread(s, 1, 65535, f) : 0;
	fclose(f);
	if (s)
		s[n] = '\0';
	return s;
}

static enum MHD_Result answer(void *cls, struct MHD_Connection *con, const char *url,
                              const char *method, const char *version, const char *upload_data,
                              size_t *upload_data_size, void **con_cls)
{
	(void)cls, (void)url, (void)method, (void)version, (void)upload_data;
	static int seen;
	/* as akses-web: the first call only notes the connection, the answer comes once the whole
	 * request is in (queuing it on the first call makes MHD send it in a slower way) */
	if (!*con_cls) {
		*con_cls = &seen;
		return MHD_YES;
	}
	*upload_data_size = 0;
	/* copied per request, as akses-web copies the page it rendered */
	struct MHD_Response *r = MHD_create_response_from_buffer(page_len, page, MHD_RESPMEM_MUST_COPY);
	if (!r)
		return MHD_NO;
	for (size_t i = 0; i < sizeof headers / sizeof headers[0]; i++)
		MHD_add_response_header(r, headers[i][0], headers[i][1]);
	enum MHD_Result ret = MHD_queue_response(con, MHD_HTTP_OK, r);
	MHD_destroy_response(r);
	return ret;
}

int main(int argc, char **argv)
{
	if (argc != 5) {
		fprintf(stderr, "usage: bench_web_floor CERT KEY PORT SIZE\n");
		return 2;
	}
	char *cert = read_all(argv[1]), *key = read_all(argv[2]);
	long port = strtol(argv[3], NULL, 10), size = strtol(argv[4], NULL, 10);
	if (!cert || !key || port <= 0 || port > 65535 || size <= 0 || size > 10 * 1024 * 1024) {
		fprintf(stderr, "bench_web_floor: bad certificate, key, port or size\n");
		return 2;
	}
	page_len = (size_t)size;
	page = malloc(page_len);
	if (!page)
		return 1;
	memset(page, 'x', page_len);
	signal(SIGTERM, on_signal);
	signal(SIGINT, on_signal);
	struct sockaddr_in addr = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
	addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK); /* akses-web's test config: 127.0.0.1 */
	struct MHD_Daemon *d = MHD_start_daemon(
	    MHD_USE_TLS | MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_ERROR_LOG, (uint16_t)port, NULL,
	    NULL, answer, NULL, MHD_OPTION_SOCK_ADDR, &addr, MHD_OPTION_HTTPS_MEM_CERT, cert, MHD_OPTION_HTTPS_MEM_KEY, key,
	    MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)30, MHD_OPTION_CONNECTION_LIMIT, (unsigned)200,
	    MHD_OPTION_PER_IP_CONNECTION_LIMIT, (unsigned)32, MHD_OPTION_CONNECTION_MEMORY_LIMIT,
	    (size_t)(64 * 1024), MHD_OPTION_END);
	if (!d) {
		fprintf(stderr, "bench_web_floor: cannot start the server on port %ld\n", port);
		return 1;
	}
	while (!stop) {
		struct timespec ts = {0, 100 * 1000 * 1000};
		nanosleep(&ts, NULL);
	}
	MHD_stop_daemon(d);
	free(page);
	free(cert);
	free(key);
	return 0;
}
