/*
 * The floor: the least work a Markdown-to-HTML site generator has to do on the benchmark corpus.
 *
 *     floor IN_DIR OUT_DIR
 *
 * Reads every `.md` file under IN_DIR (recursively, hidden entries skipped), drops YAML front
 * matter (a first line `---` up to the next line `---`), renders the rest with libcmark-gfm and
 * the extensions Bearings enables (table, strikethrough, autolink, tasklist, tagfilter;
 * CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES, safe mode) and writes one `.html` file per input to
 * the same relative path under OUT_DIR. Single-threaded, stdio only. Prints the number of files.
 *
 * Build: cc -O2 bench/floor.c $(pkg-config --cflags --libs libcmark-gfm) -o floor
 */
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

static const char *extension_names[] = {"table", "strikethrough", "autolink", "tasklist", "tagfilter"};
static const int options = CMARK_OPT_DEFAULT | CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES;
static long files_written = 0;

static void die(const char *what, const char *path) {
    fprintf(stderr, "floor: %s %s: %s\n", what, path, strerror(errno));
    exit(3);
}

static int ends_with(const char *s, const char *suffix) {
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && memcmp(s + n - m, suffix, m) == 0;
}

/* Returns the offset of the body: after the closing `---` line of front matter, or 0. */
static size_t body_offset(const char *text, size_t length) {
    size_t start = 0;
    if (length >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) start = 3;
    if (length - start < 4 || memcmp(text + start, "---", 3) != 0) return 0;
    size_t i = start + 3;
    if (text[i] == '\r') i++;
    if (i >= length || text[i] != '\n') return 0;
    i++;
    while (i < length) {
        const char *eol = memchr(text + i, '\n', length - i);
        size_t end = eol ? (size_t)(eol - text) : length;
        size_t line = end - i;
        if (line > 0 && text[i + line - 1] == '\r') line--;
        if (line == 3 && memcmp(text + i, "---", 3) == 0) return eol ? end + 1 : end;
        i = end + 1;
    }
    return 0; /* unterminated: treat the whole file as Markdown */
}

static void render_file(const char *in_path, const char *out_path) {
    FILE *in = fopen(in_path, "rb");
    if (!in) die("cannot open", in_path);
    size_t capacity = 8192, length = 0;
    char *text = malloc(capacity);
    for (;;) {
        if (length == capacity) text = realloc(text, capacity *= 2);
        size_t n = fread(text + length, 1, capacity - length, in);
        if (n == 0) break;
        length += n;
    }
    if (ferror(in)) die("cannot read", in_path);
    fclose(in);

    size_t offset = body_offset(text, length);
    cmark_parser *parser = cmark_parser_new(options);
    for (size_t i = 0; i < sizeof extension_names / sizeof *extension_names; i++) {
        cmark_syntax_extension *extension = cmark_find_syntax_extension(extension_names[i]);
        if (extension) cmark_parser_attach_syntax_extension(parser, extension);
    }
    cmark_parser_feed(parser, text + offset, length - offset);
    cmark_node *document = cmark_parser_finish(parser);
    char *html = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser));

    FILE *out = fopen(out_path, "wb");
    if (!out) die("cannot create", out_path);
    size_t html_length = strlen(html);
    if (fwrite(html, 1, html_length, out) != html_length || fclose(out) != 0) die("cannot write", out_path);
    files_written++;

    free(html);
    cmark_node_free(document);
    cmark_parser_free(parser);
    free(text);
}

static void walk(const char *in_dir, const char *out_dir) {
    DIR *dir = opendir(in_dir);
    if (!dir) die("cannot open folder", in_dir);
    if (mkdir(out_dir, 0777) != 0 && errno != EEXIST) die("cannot create folder", out_dir);
    struct dirent *entry;
    while ((entry = readdir(dir)) != NULL) {
        if (entry->d_name[0] == '.') continue;
        size_t in_length = strlen(in_dir) + strlen(entry->d_name) + 2;
        size_t out_length = strlen(out_dir) + strlen(entry->d_name) + 8;
        char *in_path = malloc(in_length), *out_path = malloc(out_length);
        snprintf(in_path, in_length, "%s/%s", in_dir, entry->d_name);
        struct stat info;
        if (stat(in_path, &info) != 0) die("cannot stat", in_path);
        if (S_ISDIR(info.st_mode)) {
            snprintf(out_path, out_length, "%s/%s", out_dir, entry->d_name);
            walk(in_path, out_path);
        } else if (S_ISREG(info.st_mode) && ends_with(entry->d_name, ".md")) {
            int stem = (int)(strlen(entry->d_name) - 3);
            snprintf(out_path, out_length, "%s/%.*s.html", out_dir, stem, entry->d_name);
            render_file(in_path, out_path);
        }
        free(in_path);
        free(out_path);
    }
    closedir(dir);
}

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: floor IN_DIR OUT_DIR\n");
        return 2;
    }
    cmark_gfm_core_extensions_ensure_registered();
    walk(argv[1], argv[2]);
    printf("%ld files\n", files_written);
    return 0;
}
