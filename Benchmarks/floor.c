/* The floor of the loader benchmark: a bare libyaml event loop.
 *
 * Usage: floor FILE_LIST RUNS
 * Reads the paths in FILE_LIST (one per line); for each run, reads every file into memory, parses
 * all its events with yaml_parser_parse and frees them. Prints the best run's wall time in seconds
 * and the number of events of one run. Nothing is built from the events: this is what libyaml
 * alone costs, the lower bound for any loader on top of it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <yaml.h>

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static long parse_file(const char *path, unsigned char **buffer, size_t *capacity) {
    FILE *f = fopen(path, "rb");
    if (!f) { perror(path); exit(2); }
    size_t length = 0, n;
    for (;;) {
        if (length == *capacity) {
            *capacity = *capacity ? *capacity * 2 : 65536;
            *buffer = realloc(*buffer, *capacity);
            if (!*buffer) { fputs("out of memory\n", stderr); exit(2); }
        }
        n = fread(*buffer + length, 1, *capacity - length, f);
        if (n == 0) break;
        length += n;
    }
    fclose(f);

    yaml_parser_t parser;
    yaml_event_t event;
    long events = 0;
    if (!yaml_parser_initialize(&parser)) { fputs("libyaml init failed\n", stderr); exit(2); }
    yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING);
    yaml_parser_set_input_string(&parser, *buffer, length);
    for (;;) {
        if (!yaml_parser_parse(&parser, &event)) {
            fprintf(stderr, "%s: %s\n", path, parser.problem ? parser.problem : "parse error");
            exit(2);
        }
        int done = event.type == YAML_STREAM_END_EVENT;
        yaml_event_delete(&event);
        events++;
        if (done) break;
    }
    yaml_parser_delete(&parser);
    return events;
}

int main(int argc, char **argv) {
    if (argc != 3) { fputs("usage: floor FILE_LIST RUNS\n", stderr); return 2; }
    FILE *list = fopen(argv[1], "r");
    if (!list) { perror(argv[1]); return 2; }
    char **paths = NULL;
    size_t count = 0, cap = 0;
    char line[4096];
    while (fgets(line, sizeof line, list)) {
        line[strcspn(line, "\n")] = 0;
        if (!*line) continue;
        if (count == cap) { cap = cap ? cap * 2 : 1024; paths = realloc(paths, cap * sizeof *paths); }
        paths[count++] = strdup(line);
    }
    fclose(list);

    int runs = atoi(argv[2]);
    unsigned char *buffer = NULL;
    size_t capacity = 0;
    double best = 1e30;
    long events = 0;
    for (int run = 0; run < runs; run++) {
        double start = now();
        events = 0;
        for (size_t i = 0; i < count; i++) events += parse_file(paths[i], &buffer, &capacity);
        double elapsed = now() - start;
        if (elapsed < best) best = elapsed;
    }
    printf("%.6f %ld\n", best, events);
    return 0;
}
