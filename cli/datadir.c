/* datadir.c: finds the installed or in-tree data directory (code table, dictionaries). */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int S_has_table(const char *dir)
{
    char path[4200];
    snprintf(path, sizeof(path), "%s/cameo.tsv", dir);
    return access(path, R_OK) == 0;
}

/* Order: $TACITUS_DATA; PREFIX/share/tacitus beside an installed PREFIX/bin/tacitus; the
 * repository's data/ beside build/tacitus; ./data. */
const char *cli_data_dir(void)
{
    static char found[4096];
    const char *env = getenv("TACITUS_DATA");
    if (env && *env)
        return env;
    char exe[2048];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
    if (n > 0) {
        exe[n] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash) {
            *slash = '\0';
            snprintf(found, sizeof(found), "%s/../share/tacitus", exe);
            if (S_has_table(found))
                return found;
            snprintf(found, sizeof(found), "%s/../data", exe);
            if (S_has_table(found))
                return found;
        }
    }
    return "data";
}
