#include "partner_row_formatter.hpp"

#include <cstdio>

#include "text_escaping.hpp"

namespace crmsync::bench {
namespace {

std::string two(int value) {
  char text[8];
  std::snprintf(text, sizeof text, "%02d", value);
  return text;
}

// 16.04.2024 10:21
std::string european_time(std::int64_t epoch) {
  const CivilTime t = CivilTime::of(epoch);
  return two(t.day) + "." + two(t.month) + "." + std::to_string(t.year) + " " + two(t.hour) + ":" +
         two(t.minute);
}

// 2024/4/8 13:16 (Huadong's ERP writes local time without zeros or an offset)
std::string huadong_time(std::int64_t epoch) {
  const CivilTime t = CivilTime::of(epoch + 8 * 3600);
  return std::to_string(t.year) + "/" + std::to_string(t.month) + "/" + std::to_string(t.day) + " " +
         std::to_string(t.hour) + ":" + two(t.minute);
}

// 2024-04-18T15:15:00+08:00
std::string offset_time(std::int64_t epoch) {
  const CivilTime t = CivilTime::of(epoch + 8 * 3600);
  return std::to_string(t.year) + "-" + two(t.month) + "-" + two(t.day) + "T" + two(t.hour) + ":" +
         two(t.minute) + ":" + two(t.second) + "+08:00";
}

// 2024-04-03 13:56
std::string plain_time(std::int64_t epoch) {
  const CivilTime t = CivilTime::of(epoch);
  return std::to_string(t.year) + "-" + two(t.month) + "-" + two(t.day) + " " + two(t.hour) + ":" +
         two(t.minute);
}

// 2024-05-02T16:00:00Z
std::string utc_time(std::int64_t epoch) {
  const CivilTime t = CivilTime::of(epoch);
  return std::to_string(t.year) + "-" + two(t.month) + "-" + two(t.day) + "T" + two(t.hour) + ":" +
         two(t.minute) + ":" + two(t.second) + "Z";
}

std::string updated_text(const SyntheticCustomer& c) {
  if (c.bad == BadValue::date) {
    switch (c.partner) {
      case Partner::alpha:
        return "31.02.2024 10:00";
      case Partner::huadong:
        return "2024/2/31 10:00";
      case Partner::pacific:
        return "2024-02-31T10:00:00+08:00";
    }
  }
  switch (c.partner) {
    case Partner::alpha:
      return european_time(c.updated_at);
    case Partner::huadong:
      return huadong_time(c.updated_at);
    case Partner::pacific:
      return offset_time(c.updated_at);
  }
  return "";
}

std::string email_text(const SyntheticCustomer& c) {
  if (c.bad != BadValue::email) return c.email;
  std::string broken = c.email;
  broken.insert(broken.find('@'), "@");  // wangfang@@qq.com
  return broken;
}

}  // namespace

const CsvRow& PartnerRowFormatter::template_customer_header() {
  static const CsvRow header{"Customer ID", "First Name", "Last Name", "Email",   "Phone", "Company",
                             "Street",      "City",       "Postcode",  "Country", "Tier",  "Last Modified"};
  return header;
}

const CsvRow& PartnerRowFormatter::huadong_customer_header() {
  static const CsvRow header{"客户编号", "客户名称", "手机", "固定电话", "电子邮箱",
                             "公司",     "城市",     "地址", "等级",     "更新时间"};
  return header;
}

const CsvRow& PartnerRowFormatter::order_header() {
  static const CsvRow header{"Order No", "Customer ID", "Order Date", "Status",     "Currency",   "SKU",
                             "Item",     "Qty",         "Unit Price", "Line Total", "Order Total"};
  return header;
}

const CsvRow& PartnerRowFormatter::feedback_header() {
  static const CsvRow header{"Feedback ID", "Customer ID", "Order No", "Type",
                             "Score",       "Comment",     "Received"};
  return header;
}

std::string PartnerRowFormatter::phone_text(const PhoneNumber& p, int style) {
  const std::string& a = p.area;
  const std::string& s = p.subscriber;
  if (p.country == "CN") {
    const std::string spaced = s.substr(0, 3) + " " + s.substr(3, 4) + " " + s.substr(7);
    switch (style) {
      case 0:
        return spaced;
      case 1:
        return "+86-" + s;
      case 2:
        return s;
      case 3:
        return "+86 " + spaced;
      case 4:
        return "0086" + s;
      default:
        return s.substr(0, 3) + "-" + s.substr(3, 4) + "-" + s.substr(7);
    }
  }
  if (p.country == "GB") {
    std::string compact = s;
    compact.erase(compact.find(' '), 1);
    switch (style) {
      case 0:
        return "0" + a + " " + s;
      case 1:
        return "+44 " + a + " " + s;
      case 2:
        return "(0" + a + ") " + s;
      case 3:
        return "+44 (0)" + a + " " + s;
      case 4:
        return "0" + a + compact;
      default:
        return "0044 " + a + " " + s;
    }
  }
  switch (style) {
    case 0:
      return "0" + a + " " + s;
    case 1:
      return "0" + a + "/" + s;
    case 2:
      return "+49 " + a + " " + s;
    case 3:
      return "0" + a + "-" + s;
    case 4:
      return "+49" + a + s;
    default:
      return "(0" + a + ") " + s;
  }
}

CsvRow PartnerRowFormatter::customer_row(const SyntheticCustomer& c) {
  const std::string phone = c.bad == BadValue::phone ? "n/a" : phone_text(c.phone, c.phone_style);
  if (c.partner == Partner::huadong) {
    return {c.external_id, c.full_name, phone,    c.landline, email_text(c),
            c.company,     c.city,      c.street, c.tier,     updated_text(c)};
  }
  return {c.external_id, c.given_name, c.family_name, email_text(c), phone,  c.company,
          c.street,      c.city,       c.postcode,    c.country,     c.tier, updated_text(c)};
}

std::vector<CsvRow> PartnerRowFormatter::order_rows(const SyntheticOrder& o) {
  std::vector<CsvRow> rows;
  const std::string total = o.bad == BadValue::amount ? "1O5,0O" : format_cents(o.total_cents());
  for (const auto& line : o.lines) {
    rows.push_back({o.order_number, o.customer_ref, plain_time(o.ordered_at), o.status, o.currency, line.sku,
                    line.description, std::to_string(line.quantity), format_cents(line.unit_cents),
                    format_cents(line.total_cents()), total});
  }
  return rows;
}

CsvRow PartnerRowFormatter::feedback_row(const SyntheticFeedback& f) {
  std::string score = f.score ? std::to_string(*f.score) : "";
  if (f.bad == BadValue::score) score = "zehn";
  return {f.external_id, f.customer_ref, f.order_ref, f.kind, score, f.comment, utc_time(f.received_at)};
}

CsvRow PartnerRowFormatter::rejected_customer_row(const SyntheticCustomer& c) {
  CsvRow row = customer_row(c);
  if (c.rejected == RejectedRow::missing_id) {
    row[0].clear();
  } else if (c.rejected == RejectedRow::extra_field) {
    row[0] += "-X";
    row.insert(row.begin() + 6, "& Partner");  // "Schulz, Krause & Partner" written without quotes
  }
  return row;
}

CsvRow PartnerRowFormatter::rejected_order_row(const SyntheticOrder& o) {
  CsvRow row = order_rows(o).back();
  row.insert(row.begin() + 7, "8 ports");  // "USB-C Dock, 8 ports" without quotes
  return row;
}

CsvRow PartnerRowFormatter::rejected_feedback_row(const SyntheticFeedback& f) {
  CsvRow row = feedback_row(f);
  row[0] = "FB-X" + std::to_string(f.number);
  row.resize(4);  // the export was cut short
  return row;
}

std::string PartnerRowFormatter::payload_json(const CsvRow& header, const CsvRow& row) {
  std::string json = "{";
  for (std::size_t i = 0; i < header.size() && i < row.size(); ++i) {
    if (row[i].empty()) continue;
    if (json.size() > 1) json += ',';
    append_json_string(json, header[i]);
    json += ':';
    append_json_string(json, row[i]);
  }
  json += '}';
  return json;
}

}  // namespace crmsync::bench
