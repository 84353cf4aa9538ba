#pragma once

#include <string>
#include <string_view>

namespace crmsync::bench {

// Encoders for the text formats the backfill generator writes. Each appends
// to `out` so a row is built in one buffer without temporaries.

// RFC 4180: quoted when the value holds the delimiter, a quote or a line break.
void append_csv_field(std::string& out, std::string_view value);

// A JSON string literal with its quotes.
void append_json_string(std::string& out, std::string_view value);

// A field of PostgreSQL's COPY text format; an empty view is written as an
// empty string, `append_copy_null` writes NULL.
void append_copy_field(std::string& out, std::string_view value);
void append_copy_null(std::string& out);

// A SQL string literal ('...' with doubled quotes; standard_conforming_strings).
void append_sql_literal(std::string& out, std::string_view value);

}  // namespace crmsync::bench
