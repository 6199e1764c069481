// The one C header Bearings sees: libcmark-gfm, its core extensions, and getters for the
// extension node types that Debian's headers do not declare.
#ifndef BEARINGS_CCMARK_SHIM_H
#define BEARINGS_CCMARK_SHIM_H

#include <cmark-gfm.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm-core-extensions.h>

// Defined in libcmark-gfm-extensions (table.c, strikethrough.c) but declared only in headers
// that Debian does not ship. Swift 6 refuses to read mutable C globals, hence the getters.
extern cmark_node_type CMARK_NODE_TABLE;
extern cmark_node_type CMARK_NODE_TABLE_ROW;
extern cmark_node_type CMARK_NODE_TABLE_CELL;
extern cmark_node_type CMARK_NODE_STRIKETHROUGH;

static inline cmark_node_type bearings_node_type_table(void) { return CMARK_NODE_TABLE; }
static inline cmark_node_type bearings_node_type_table_row(void) { return CMARK_NODE_TABLE_ROW; }
static inline cmark_node_type bearings_node_type_table_cell(void) { return CMARK_NODE_TABLE_CELL; }
static inline cmark_node_type bearings_node_type_strikethrough(void) { return CMARK_NODE_STRIKETHROUGH; }

#endif
