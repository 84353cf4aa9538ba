#include "csv_drop_writer.hpp"

#include <string>

#include "output_file.hpp"
#include "partner_row_formatter.hpp"
#include "text_escaping.hpp"

namespace crmsync::bench {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

// One partner file: its line ending, an optional BOM, the header first.
class PartnerFile {
 public:
  PartnerFile(const std::filesystem::path& path, const CsvRow& header, bool bom, bool crlf)
      : file_(path), newline_(crlf ? "\r\n" : "\n") {
    if (bom) file_.write(kBom);
    write(header);
  }

  void write(const CsvRow& row) {
    line_.clear();
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (i != 0) line_ += ',';
      append_csv_field(line_, row[i]);
    }
    line_ += newline_;
    file_.write(line_);
  }

  void close() { file_.close(); }

 private:
  OutputFile file_;
  std::string_view newline_;
  std::string line_;
};

}  // namespace

CsvDropWriter::Counts CsvDropWriter::write(const std::filesystem::path& directory) const {
  std::filesystem::create_directories(directory);
  const BackfillShape& shape = backfill_.shape();
  Counts counts;
  {
    PartnerFile alpha(directory / "alpha_customers_20240601.csv",
                      PartnerRowFormatter::template_customer_header(), true, true);
    PartnerFile huadong(directory / "huadong_kehu_20240601.csv",
                        PartnerRowFormatter::huadong_customer_header(), false, true);
    PartnerFile pacific(directory / "pacific_customers_20240603.csv",
                        PartnerRowFormatter::template_customer_header(), false, false);
    for (std::size_t n = 0; n < shape.customers; ++n) {
      const SyntheticCustomer customer = backfill_.customer(n);
      PartnerFile& file = customer.partner == Partner::alpha     ? alpha
                          : customer.partner == Partner::huadong ? huadong
                                                                 : pacific;
      file.write(PartnerRowFormatter::customer_row(customer));
      ++counts.rows;
      ++counts.records;
      if (customer.rejected != RejectedRow::none) {
        file.write(PartnerRowFormatter::rejected_customer_row(customer));
        ++counts.rows;
        ++counts.rejected_rows;
      }
    }
    alpha.close();
    huadong.close();
    pacific.close();
  }
  {
    PartnerFile orders(directory / "alpha_orders_20240601.csv", PartnerRowFormatter::order_header(), true,
                       true);
    for (std::size_t n = 0; n < shape.orders; ++n) {
      const SyntheticOrder order = backfill_.order(n);
      for (const auto& row : PartnerRowFormatter::order_rows(order)) orders.write(row);
      counts.rows += order.lines.size();
      counts.order_lines += order.lines.size();
      ++counts.records;
      if (order.rejected != RejectedRow::none) {
        orders.write(PartnerRowFormatter::rejected_order_row(order));
        ++counts.rows;
        ++counts.rejected_rows;
      }
    }
    orders.close();
  }
  {
    PartnerFile feedback(directory / "alpha_feedback_20240602.csv", PartnerRowFormatter::feedback_header(),
                         false, false);
    for (std::size_t n = 0; n < shape.feedback; ++n) {
      const SyntheticFeedback item = backfill_.feedback(n);
      feedback.write(PartnerRowFormatter::feedback_row(item));
      ++counts.rows;
      ++counts.records;
      if (item.rejected != RejectedRow::none) {
        feedback.write(PartnerRowFormatter::rejected_feedback_row(item));
        ++counts.rows;
        ++counts.rejected_rows;
      }
    }
    feedback.close();
  }
  return counts;
}

}  // namespace crmsync::bench
