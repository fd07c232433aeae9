/* main.c: the tacitus command line; each subcommand lives in its own cli/cmd_*.c. */
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
    if (argc < 2 || strcmp(argv[1], "--help") == 0) {
        fprintf(stderr, "usage: tacitus code|validate [options] [FILE...]\n");
        return 2;
    }
    fprintf(stderr, "tacitus: unknown command '%s'\n", argv[1]);
    return 2;
}
