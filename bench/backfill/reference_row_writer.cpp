#include "reference_row_writer.hpp"

#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "output_file.hpp"
#include "partner_row_formatter.hpp"
#include "text_escaping.hpp"

namespace crmsync::bench {
namespace {

using SqlRow = std::vector<std::optional<std::string>>;

std::string iso_utc(std::int64_t epoch) {
  const CivilTime t = CivilTime::of(epoch);
  char text[32];
  std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02dZ", t.year, t.month, t.day, t.hour, t.minute,
                t.second);
  return text;
}

std::optional<std::string> non_empty(const std::string& text) {
  if (text.empty()) return std::nullopt;
  return text;
}

// One table in both forms: a COPY file and upserts in naive.sql.
class ReferenceTable {
 public:
  ReferenceTable(const std::filesystem::path& directory, std::string name, std::vector<std::string> columns,
                 std::string key, OutputFile& naive)
      : copy_(directory / (name + ".tsv")),
        naive_(naive),
        name_(std::move(name)),
        columns_(std::move(columns)) {
    for (std::size_t i = 0; i < columns_.size(); ++i) column_list_ += (i ? ", " : "") + columns_[i];
    conflict_ = " ON CONFLICT (" + key + ") DO UPDATE SET ";
    bool first = true;
    for (const auto& column : columns_) {
      if (key.find(column) != std::string::npos) continue;
      conflict_ += (first ? "" : ", ") + column + " = EXCLUDED." + column;
      first = false;
    }
    conflict_ += ";\n";
  }

  void add(const SqlRow& row) {
    line_.clear();
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (i != 0) line_ += '\t';
      if (row[i]) {
        append_copy_field(line_, *row[i]);
      } else {
        append_copy_null(line_);
      }
    }
    line_ += '\n';
    copy_.write(line_);
    line_ = "INSERT INTO ref_" + name_ + " (" + column_list_ + ") VALUES (";
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (i != 0) line_ += ", ";
      if (row[i]) {
        append_sql_literal(line_, *row[i]);
      } else {
        line_ += "NULL";
      }
    }
    line_ += ')';
    line_ += conflict_;
    naive_.write(line_);
  }

  void close() { copy_.close(); }

 private:
  OutputFile copy_;
  OutputFile& naive_;
  std::string name_;
  std::vector<std::string> columns_;
  std::string column_list_;
  std::string conflict_;
  std::string line_;
};

}  // namespace

void ReferenceRowWriter::write(const std::filesystem::path& directory) const {
  std::filesystem::create_directories(directory);
  const BackfillShape& shape = backfill_.shape();
  OutputFile naive(directory / "naive.sql");
  ReferenceTable customers(
      directory, "customer",
      {"source", "external_id", "kind", "name", "given_name", "family_name", "email", "phone", "company",
       "street", "city", "postcode", "country", "tier", "updated_at", "payload"},
      "source, external_id", naive);
  for (std::size_t n = 0; n < shape.customers; ++n) {
    const SyntheticCustomer c = backfill_.customer(n);
    const CsvRow row = PartnerRowFormatter::customer_row(c);
    const bool huadong = c.partner == Partner::huadong;
    const CsvRow& header = huadong ? PartnerRowFormatter::huadong_customer_header()
                                   : PartnerRowFormatter::template_customer_header();
    const std::optional<std::string> updated =
        c.bad == BadValue::date ? std::nullopt : std::optional<std::string>(iso_utc(c.updated_at));
    customers.add({huadong ? "huadong_customers" : "customers", c.external_id, "person", c.full_name,
                   non_empty(c.given_name), non_empty(c.family_name), row[huadong ? 4 : 3],
                   row[huadong ? 2 : 4], non_empty(c.company), c.street, c.city, non_empty(c.postcode),
                   c.country_code, c.tier, updated, PartnerRowFormatter::payload_json(header, row)});
  }
  customers.close();

  ReferenceTable orders(directory, "sales_order",
                        {"source", "external_id", "customer_ref", "order_number", "status", "ordered_at",
                         "currency", "total", "payload"},
                        "source, external_id", naive);
  ReferenceTable lines(directory, "order_line",
                       {"source", "order_external_id", "line_no", "sku", "description", "quantity",
                        "unit_price", "line_total"},
                       "source, order_external_id, line_no", naive);
  for (std::size_t n = 0; n < shape.orders; ++n) {
    const SyntheticOrder o = backfill_.order(n);
    std::string payload = "{\"rows\":[";
    const auto rows = PartnerRowFormatter::order_rows(o);
    for (std::size_t i = 0; i < rows.size(); ++i) {
      if (i != 0) payload += ',';
      payload += PartnerRowFormatter::payload_json(PartnerRowFormatter::order_header(), rows[i]);
    }
    payload += "]}";
    const std::optional<std::string> total =
        o.bad == BadValue::amount ? std::nullopt : std::optional<std::string>(format_cents(o.total_cents()));
    orders.add({"orders", o.order_number, o.customer_ref, o.order_number, o.status, iso_utc(o.ordered_at),
                o.currency, total, payload});
    for (std::size_t i = 0; i < o.lines.size(); ++i) {
      const auto& line = o.lines[i];
      lines.add({"orders", o.order_number, std::to_string(i + 1), line.sku, line.description,
                 std::to_string(line.quantity), format_cents(line.unit_cents),
                 format_cents(line.total_cents())});
    }
  }
  orders.close();
  lines.close();

  ReferenceTable feedback(directory, "feedback",
                          {"source", "external_id", "customer_ref", "order_ref", "kind", "score", "comment",
                           "received_at", "payload"},
                          "source, external_id", naive);
  for (std::size_t n = 0; n < shape.feedback; ++n) {
    const SyntheticFeedback f = backfill_.feedback(n);
    const std::optional<std::string> score = f.score && f.bad != BadValue::score
                                                 ? std::optional<std::string>(std::to_string(*f.score))
                                                 : std::nullopt;
    feedback.add({"feedback", f.external_id, f.customer_ref, non_empty(f.order_ref), f.kind, score,
                  non_empty(f.comment), iso_utc(f.received_at),
                  PartnerRowFormatter::payload_json(PartnerRowFormatter::feedback_header(),
                                                    PartnerRowFormatter::feedback_row(f))});
  }
  feedback.close();
  naive.close();
}

}  // namespace crmsync::bench
