/* diag.c: formats and routes input diagnostics. */
#include "diag.h"

#include <stdarg.h>
#include <stdio.h>

void tx_diag_report(tx_diag *diag, const char *file, unsigned long line, const char *fmt, ...)
{
    char message[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(message, sizeof(message), fmt, ap);
    va_end(ap);
    if (!diag) {
        fprintf(stderr, "%s:%lu: %s\n", file, line, message);
        return;
    }
    diag->count++;
    if (diag->quiet)
        return;
    if (diag->report)
        diag->report(diag->ctx, file, line, message);
    else
        fprintf(stderr, "%s:%lu: %s\n", file, line, message);
}
