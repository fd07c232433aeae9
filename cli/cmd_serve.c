/* cmd_serve.c: `tacitus serve DB`: serves the event database read-only over HTTP with the dashboard, until SIGINT or SIGTERM. */
#include "cli.h"
#include "serve.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static const char usage[] =
    "usage: tacitus serve DB [options]\n"
    "Serves the event database DB read-only over HTTP: the JSON API under /api/ (docs/api.md)\n"
    "and the dashboard at /.  Prints the URL once listening; stops on Ctrl-C (SIGINT) or\n"
    "SIGTERM.\n"
    "\n"
    "  --port N       TCP port (default 8080; 0 picks a free one, shown in the URL)\n"
    "  --bind ADDR    numeric address to listen on (default 127.0.0.1; ::1 for IPv6)\n"
    "  --web DIR      the dashboard's static files (default: the data directory's web/)\n"
    "  --threads N    worker threads, each with its own database connection (default 4)\n";

static int S_count(const char *flag, const char *value, long min, long max, long *out)
{
    char *end;
    *out = strtol(value, &end, 10);
    if (!*value || *end || *out < min || *out > max) {
        cli_error("serve: %s takes a number from %ld to %ld, not '%s'", flag, min, max, value);
        return -1;
    }
    return 0;
}

static int S_parse(int argc, char **argv, tx_serve_options *o)
{
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *next = i + 1 < argc ? argv[i + 1] : NULL;
        long n;
        if (a[0] == '-' && a[1] && !next) {
            cli_error("serve: %s needs a value", a);
            return -1;
        }
        if (strcmp(a, "--port") == 0) {
            if (S_count(a, next, 0, 65535, &n) < 0)
                return -1;
            o->port = (int)n;
        } else if (strcmp(a, "--threads") == 0) {
            if (S_count(a, next, 1, 64, &n) < 0)
                return -1;
            o->threads = (unsigned)n;
        } else if (strcmp(a, "--bind") == 0) {
            o->bind = next;
        } else if (strcmp(a, "--web") == 0) {
            o->web_dir = next;
        } else if (a[0] == '-' && a[1]) {
            cli_error("serve: unknown option '%s'", a);
            return -1;
        } else if (!o->db_path) {
            o->db_path = a;
            continue;
        } else {
            cli_error("serve: one database only ('%s')", a);
            return -1;
        }
        i++;
    }
    if (!o->db_path) {
        cli_error("serve: which database? (tacitus serve DB)");
        return -1;
    }
    return 0;
}

/* The code table names the codes; without it the API still answers, codes unnamed. */
static tx_cameo *S_load_codes(void)
{
    char path[4200];
    snprintf(path, sizeof(path), "%s/cameo.tsv", cli_data_dir());
    tx_diag diag = TX_DIAG_INIT;
    tx_cameo *cameo = tx_cameo_load(path, &diag, NULL);
    if (!cameo)
        cli_error("serve: %s: cannot read the code table; codes will have no names", path);
    return cameo;
}

int cmd_serve(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "--help") == 0) {
        fputs(usage, stdout);
        return EXIT_OK;
    }
    tx_serve_options o;
    memset(&o, 0, sizeof(o));
    o.port = 8080;
    if (S_parse(argc, argv, &o) < 0) {
        fputs(usage, stderr);
        return EXIT_USAGE;
    }
    char web[4200];
    if (!o.web_dir) {
        snprintf(web, sizeof(web), "%s/web", cli_data_dir());
        o.web_dir = web;
    }
    struct stat st;
    if (stat(o.web_dir, &st) != 0 || !S_ISDIR(st.st_mode))
        cli_error("serve: %s: no such directory; serving the API without the dashboard",
                  o.web_dir);
    tx_cameo *cameo = S_load_codes();
    o.cameo = cameo;
    /* The worker threads inherit this mask, so the signals reach sigwait below alone. */
    sigset_t stop;
    sigemptyset(&stop);
    sigaddset(&stop, SIGINT);
    sigaddset(&stop, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop, NULL);
    signal(SIGPIPE, SIG_IGN);  /* a client that hangs up is no reason to die */
    char why[1024];
    tx_status status;
    tx_server *server = tx_serve_start(&o, &status, why, sizeof(why));
    if (!server) {
        cli_error("serve: %s", why);
        tx_cameo_free(cameo);
        return status == TX_ERR_USAGE ? EXIT_USAGE : EXIT_INPUT;
    }
    cli_error("serving %s on %s", o.db_path, tx_serve_url(server));
    int signal_number = 0;
    sigwait(&stop, &signal_number);
    tx_serve_stop(server);
    tx_cameo_free(cameo);
    cli_error("serve: stopped (%s)", signal_number == SIGINT ? "SIGINT" : "SIGTERM");
    return EXIT_OK;
}
