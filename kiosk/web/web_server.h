/* web_server.h - starting the HTTPS server (web_server.c) from main. */
#ifndef AKSES_WEB_SERVER_H
#define AKSES_WEB_SERVER_H

#include <microhttpd.h>
#include <netinet/in.h>

#include "web.h"

/* Start serving HTTPS on addr with the PEM certificate (chain) and key; NULL on failure. */
struct MHD_Daemon *web_server_start(struct web *w, const char *cert_pem, const char *key_pem,
                                    const struct sockaddr_in *addr);

#endif
