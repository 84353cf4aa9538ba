#include "synthetic_backfill.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>

namespace crmsync::bench {
namespace {

struct Spelled {
  std::string_view text;   // as written
  std::string_view ascii;  // for e-mail addresses and re-spellings ("Müller" -> "mueller")
};

constexpr std::array<Spelled, 20> kLatinGiven{{{"Leonie", "leonie"},     {"Lukas", "lukas"},
                                               {"Günther", "guenther"},  {"Jürgen", "juergen"},
                                               {"Anna", "anna"},         {"Maximilian", "maximilian"},
                                               {"Sophie", "sophie"},     {"Élodie", "elodie"},
                                               {"François", "francois"}, {"José", "jose"},
                                               {"Marie", "marie"},       {"Paul", "paul"},
                                               {"Hannah", "hannah"},     {"Jonas", "jonas"},
                                               {"Emma", "emma"},         {"Felix", "felix"},
                                               {"Zoë", "zoe"},           {"Björn", "bjoern"},
                                               {"Oliver", "oliver"},     {"Charlotte", "charlotte"}}};
constexpr std::array<Spelled, 24> kLatinFamily{
    {{"Müller", "mueller"},     {"Schmidt", "schmidt"}, {"Schneider", "schneider"}, {"Fischer", "fischer"},
     {"Weiß", "weiss"},         {"Wagner", "wagner"},   {"Becker", "becker"},       {"Hoffmann", "hoffmann"},
     {"Schäfer", "schaefer"},   {"Koch", "koch"},       {"Richter", "richter"},     {"Klein", "klein"},
     {"Schröder", "schroeder"}, {"Neumann", "neumann"}, {"Dubois", "dubois"},       {"García", "garcia"},
     {"Rossi", "rossi"},        {"Smith", "smith"},     {"Jones", "jones"},         {"Taylor", "taylor"},
     {"O'Brien", "obrien"},     {"Evans", "evans"},     {"Nowak", "nowak"},         {"Jansen", "jansen"}}};
constexpr std::array<Spelled, 21> kChineseFamily{
    {{"王", "wang"},  {"李", "li"},   {"张", "zhang"},   {"刘", "liu"},  {"陈", "chen"}, {"杨", "yang"},
     {"黄", "huang"}, {"赵", "zhao"}, {"吴", "wu"},      {"周", "zhou"}, {"徐", "xu"},   {"孙", "sun"},
     {"马", "ma"},    {"朱", "zhu"},  {"胡", "hu"},      {"郭", "guo"},  {"何", "he"},   {"林", "lin"},
     {"罗", "luo"},   {"高", "gao"},  {"欧阳", "ouyang"}}};
constexpr std::array<Spelled, 26> kChineseGiven{
    {{"伟", "wei"},        {"芳", "fang"},       {"娜", "na"},        {"敏", "min"},
     {"静", "jing"},       {"丽", "li"},         {"强", "qiang"},     {"磊", "lei"},
     {"军", "jun"},        {"洋", "yang"},       {"勇", "yong"},      {"艳", "yan"},
     {"杰", "jie"},        {"娟", "juan"},       {"涛", "tao"},       {"明", "ming"},
     {"超", "chao"},       {"秀英", "xiuying"},  {"桂英", "guiying"}, {"建华", "jianhua"},
     {"志强", "zhiqiang"}, {"晓明", "xiaoming"}, {"婷", "ting"},      {"欣怡", "xinyi"},
     {"子涵", "zihan"},    {"浩然", "haoran"}}};

struct Place {
  std::string_view city;
  std::string_view postcode;
  std::string_view area;  // dialling area without the trunk 0
};
constexpr std::array<Place, 7> kGermanPlaces{{{"Berlin", "10115", "30"},
                                              {"München", "80331", "89"},
                                              {"Hamburg", "20095", "40"},
                                              {"Frankfurt am Main", "60311", "69"},
                                              {"Köln", "50667", "221"},
                                              {"Stuttgart", "70173", "711"},
                                              {"Leipzig", "04109", "341"}}};
constexpr std::array<Place, 8> kChinesePlaces{{{"上海", "200000", "21"},
                                               {"北京", "100000", "10"},
                                               {"深圳", "518000", "755"},
                                               {"广州", "510000", "20"},
                                               {"杭州", "310000", "571"},
                                               {"南京", "210000", "25"},
                                               {"武汉", "430000", "27"},
                                               {"成都", "610000", "28"}}};
constexpr std::array<Place, 4> kBritishPlaces{{{"London", "EC1A 1BB", "20"},
                                               {"Manchester", "M1 1AE", "161"},
                                               {"Bristol", "BS1 4DJ", "117"},
                                               {"Leeds", "LS1 4AP", "113"}}};
constexpr std::array<std::string_view, 6> kGermanStreets{"Hauptstraße", "Bahnhofstraße",  "Lindenallee",
                                                         "Gartenweg",   "Schillerstraße", "Goethestraße"};
constexpr std::array<std::string_view, 6> kChineseStreets{"南京路",   "长安街", "解放路",
                                                          "天府大道", "中山路", "人民路"};
constexpr std::array<std::string_view, 4> kBritishStreets{"High Street", "Station Road", "Church Lane",
                                                          "Mill Road"};
constexpr std::array<std::string_view, 6> kGermanCompanies{
    "Weber & Söhne KG",           "Nordlicht Logistik AG",  "Albion Digital Ltd",
    "Bergmann Maschinenbau GmbH", "Rhein-Main Handel GmbH", "Schulz, Krause & Partner"};
constexpr std::array<std::string_view, 5> kChineseCompanies{"南京金陵贸易有限公司", "武汉光谷光电有限公司",
                                                            "深圳华强电子有限公司", "上海浦东物流有限公司",
                                                            "杭州西湖茶业有限公司"};
constexpr std::array<std::string_view, 4> kBritishCompanies{
    "Thames Valley Supplies Ltd", "Northern Rail Parts plc", "Bristol \"Harbour\" Traders",
    "Pennine Tools Ltd"};
constexpr std::array<std::string_view, 5> kLatinDomains{"web.de", "gmx.de", "outlook.com", "gmail.com",
                                                        "t-online.de"};
constexpr std::array<std::string_view, 4> kChineseDomains{"qq.com", "163.com", "126.com", "sina.com"};
constexpr std::array<std::string_view, 3> kMobilePrefixes{"151", "160", "171"};  // German mobile "areas"
// Chinese mobile prefixes in service (libphonenumber accepts them all).
constexpr std::array<std::string_view, 20> kChineseMobilePrefixes{
    "130", "131", "132", "133", "135", "136", "137", "138", "139", "150",
    "151", "152", "158", "159", "177", "180", "186", "187", "188", "199"};

struct Product {
  std::string_view sku;
  std::string_view description;
  std::int64_t unit_cents;
};
constexpr std::array<Product, 9> kProducts{{{"ET-2002", "Display 24\" matt", 21900},
                                            {"ET-2001", "Kabel 5 m", 1250},
                                            {"ET-4100", "Ersatzfilter", 875},
                                            {"ET-3005", "Wartungsvertrag (12 Monate)", 48000},
                                            {"ET-5010", "USB-C Dock, 8 Ports", 13999},
                                            {"HD-0101", "打印机墨盒 黑色", 8900},
                                            {"HD-0207", "办公椅（人体工学）", 129900},
                                            {"PL-7001", "Label printer", 24950},
                                            {"PL-7002", "Thermal labels, 1000 pcs", 1999}}};
constexpr std::array<std::string_view, 6> kOrderStatuses{"new",       "paid",      "shipped",
                                                         "delivered", "delivered", "cancelled"};
constexpr std::array<std::string_view, 7> kComments{"Great service,\nwill order again.",
                                                    "Rechnung kam doppelt.",
                                                    "送货很快，质量很好。",
                                                    "Lieferung verspätet, Ware aber in Ordnung",
                                                    "",
                                                    "The parcel arrived two weeks late.",
                                                    "客服态度一般，希望改进"};

constexpr std::int64_t kEpoch2023 = 1672531200;  // 2023-01-01T00:00:00Z
constexpr std::int64_t kYear = 365 * 86400;

template <typename T, std::size_t N>
const T& pick(const std::array<T, N>& pool, RecordRandom& random) {
  return pool[random.below(N)];
}

std::string uppered(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return text;
}

std::string capitalised(std::string_view ascii) {
  std::string text(ascii);
  if (!text.empty()) text[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
  return text;
}

enum : std::uint64_t { kCustomerKind = 1, kOrderKind = 2, kFeedbackKind = 3, kDuplicateKind = 4 };

}  // namespace

RecordRandom::RecordRandom(std::uint64_t seed, std::uint64_t kind, std::uint64_t number)
    : state_(seed * 0x9E3779B97F4A7C15ULL ^ (kind << 56) ^ (number * 0xD1B54A32D192ED03ULL)) {}

std::uint64_t RecordRandom::next() {
  std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

std::string RecordRandom::digits(std::size_t count) {
  std::string out(count, '0');
  for (auto& digit : out) digit = static_cast<char>('0' + below(10));
  return out;
}

std::string SyntheticBackfill::customer_id(std::size_t number) const {
  const std::size_t alpha = shape_.alpha_customers;
  const std::size_t huadong = alpha + shape_.huadong_customers;
  const std::size_t base = shape_.base_customers();
  if (number < alpha) return "AL-" + std::to_string(100000 + number);
  if (number < huadong) return "HD" + std::to_string(1000000 + number - alpha);
  if (number < base) return "PL" + std::to_string(500000 + number - huadong);
  return "PL-R" + std::to_string(number - base);
}

std::string SyntheticBackfill::order_number(std::size_t number) const {
  return "SO-" + std::to_string(2400000 + number);
}

SyntheticCustomer SyntheticBackfill::customer(std::size_t number) const {
  SyntheticCustomer customer = number < shape_.base_customers() ? original(number) : duplicate(number);
  if (shape_.is_bad(number)) {
    // Kinds 0 and 1 add a rejected row after this one (an unquoted comma; no id).
    switch (shape_.bad_kind(number, 5)) {
      case 0:
        customer.rejected = RejectedRow::extra_field;
        break;
      case 1:
        customer.rejected = RejectedRow::missing_id;
        break;
      case 2:
        customer.bad = BadValue::email;
        break;
      case 3:
        customer.bad = BadValue::phone;
        break;
      default:
        customer.bad = BadValue::date;
        break;
    }
  }
  return customer;
}

SyntheticCustomer SyntheticBackfill::original(std::size_t number) const {
  RecordRandom random(shape_.seed, kCustomerKind, number);
  SyntheticCustomer c;
  c.number = number;
  c.external_id = customer_id(number);
  const std::size_t alpha = shape_.alpha_customers;
  const std::size_t huadong = alpha + shape_.huadong_customers;
  c.partner = number < alpha ? Partner::alpha : number < huadong ? Partner::huadong : Partner::pacific;
  switch (c.partner) {
    case Partner::alpha:
      c.chinese = random.chance(10);
      break;
    case Partner::huadong:
      c.chinese = true;
      break;
    case Partner::pacific:
      c.chinese = random.chance(50);
      break;
  }
  const bool british = c.partner == Partner::pacific && !c.chinese;
  const bool in_china = c.partner == Partner::huadong || (c.partner == Partner::pacific && c.chinese);
  std::string local;  // e-mail local part
  if (c.chinese) {
    const auto& family = pick(kChineseFamily, random);
    const auto& given = pick(kChineseGiven, random);
    c.family_name = family.text;
    c.given_name = given.text;
    c.full_name = std::string(family.text) + std::string(given.text);
    local = std::string(family.ascii) + std::string(given.ascii) + random.digits(3);
    c.email = local + "@" + std::string(pick(kChineseDomains, random));
  } else {
    const auto& given = pick(kLatinGiven, random);
    const auto& family = pick(kLatinFamily, random);
    c.given_name = given.text;
    c.family_name = family.text;
    c.full_name = c.given_name + " " + c.family_name;
    local = std::string(given.ascii) + "." + std::string(family.ascii) + random.digits(2);
    c.email = local + "@" + std::string(pick(kLatinDomains, random));
  }
  c.phone_style = static_cast<int>(random.below(6));
  if (in_china) {
    const auto& place = pick(kChinesePlaces, random);
    c.city = place.city;
    c.postcode = place.postcode;
    c.street = c.city + "市" + std::string(pick(kChineseStreets, random)) +
               std::to_string(1 + random.below(899)) + "号";
    c.phone = {"CN", "", std::string(pick(kChineseMobilePrefixes, random)) + random.digits(8)};
    if (random.chance(40))
      c.landline = "(0" + std::string(place.area) + ") " + random.digits(4) + " " + random.digits(4);
    c.country = random.chance(50) ? "CN" : "中国";
    c.country_code = "CN";
    if (random.chance(55)) c.company = pick(kChineseCompanies, random);
  } else if (british) {
    const auto& place = pick(kBritishPlaces, random);
    c.city = place.city;
    c.postcode = place.postcode;
    c.street = std::to_string(1 + random.below(200)) + " " + std::string(pick(kBritishStreets, random));
    // London numbers have eight digits after 020, the others seven after their area code.
    c.phone = {"GB", std::string(place.area),
               place.area == "20" ? random.digits(4) + " " + random.digits(4)
                                  : random.digits(3) + " " + random.digits(4)};
    c.country = random.chance(50) ? "United Kingdom" : "GB";
    c.country_code = "GB";
    if (random.chance(50)) c.company = pick(kBritishCompanies, random);
  } else {
    const auto& place = pick(kGermanPlaces, random);
    c.city = place.city;
    c.postcode = place.postcode;
    c.street = std::string(pick(kGermanStreets, random)) + " " + std::to_string(1 + random.below(150));
    const bool mobile = random.chance(40);
    c.phone = {"DE", mobile ? std::string(pick(kMobilePrefixes, random)) : std::string(place.area),
               random.digits(mobile ? 7 : 6 + random.below(2))};
    c.country = random.chance(60) ? "Germany" : "Deutschland";
    c.country_code = "DE";
    if (random.chance(60)) c.company = pick(kGermanCompanies, random);
  }
  switch (c.partner) {
    case Partner::alpha:
      c.tier = std::array{"Gold", "Silver", "Bronze"}[random.below(3)];
      break;
    case Partner::huadong:
      c.tier = std::array{"VIP", "重点", "普通"}[random.below(3)];
      break;
    case Partner::pacific:
      c.tier = std::array{"A", "B", "C"}[random.below(3)];
      break;
  }
  c.updated_at = kEpoch2023 + static_cast<std::int64_t>(random.below(kYear));
  return c;
}

SyntheticCustomer SyntheticBackfill::duplicate(std::size_t number) const {
  RecordRandom random(shape_.seed, kDuplicateKind, number);
  const std::size_t originals = shape_.alpha_customers + shape_.huadong_customers;
  const std::size_t source = originals == 0 ? 0 : random.below(originals);
  SyntheticCustomer c = original(source);
  c.number = number;
  c.external_id = customer_id(number);
  c.partner = Partner::pacific;
  c.duplicate_of = source;
  if (c.chinese && random.chance(60)) {
    // Pinyin in the template's First/Last Name columns: 王伟 -> Wei Wang.
    for (const auto& family : kChineseFamily) {
      if (family.text == c.family_name) c.family_name = capitalised(family.ascii);
    }
    for (const auto& given : kChineseGiven) {
      if (given.text == c.given_name) c.given_name = capitalised(given.ascii);
    }
    c.full_name = c.given_name + " " + c.family_name;
  } else if (c.chinese) {
    c.family_name += " ";  // a trailing space the source system kept
  } else {
    for (const auto& family : kLatinFamily) {
      if (family.text == c.family_name && family.text != capitalised(family.ascii)) {
        c.family_name = capitalised(family.ascii);  // Müller -> Mueller
      }
    }
    c.full_name = c.given_name + " " + c.family_name;
  }
  switch (random.below(3)) {
    case 0:
      c.email = uppered(c.email);
      break;
    case 1:
      c.email = "  " + c.email;
      break;
    default:
      c.email = capitalised(c.email) + " ";
      break;
  }
  c.phone_style = static_cast<int>((static_cast<std::size_t>(c.phone_style) + 1 + random.below(4)) % 6);
  c.tier = std::array{"A", "B", "C"}[random.below(3)];
  if (c.country_code == "CN") c.country = "CN";
  c.updated_at += 86400 * static_cast<std::int64_t>(1 + random.below(30));
  c.landline.clear();
  return c;
}

SyntheticOrder SyntheticBackfill::order(std::size_t number) const {
  RecordRandom random(shape_.seed, kOrderKind, number);
  SyntheticOrder o;
  o.number = number;
  o.order_number = order_number(number);
  o.customer = shape_.customers == 0 ? 0 : random.below(shape_.customers);
  o.customer_ref = customer_id(o.customer);
  const std::string country = shape_.customers == 0 ? "DE" : customer(o.customer).country_code;
  o.currency = country == "CN" ? "CNY" : country == "GB" ? "GBP" : "EUR";
  o.ordered_at = kEpoch2023 + static_cast<std::int64_t>(random.below(kYear));
  o.status = pick(kOrderStatuses, random);
  const std::size_t lines = 1 + random.below(4);
  for (std::size_t i = 0; i < lines; ++i) {
    const auto& product = pick(kProducts, random);
    o.lines.push_back({std::string(product.sku), std::string(product.description),
                       static_cast<int>(1 + random.below(20)), product.unit_cents});
  }
  if (shape_.is_bad(number)) {
    if (shape_.bad_kind(number, 2) == 0) {
      o.rejected = RejectedRow::extra_field;  // an extra line row with an unquoted comma
    } else {
      o.bad = BadValue::amount;
    }
  }
  return o;
}

SyntheticFeedback SyntheticBackfill::feedback(std::size_t number) const {
  RecordRandom random(shape_.seed, kFeedbackKind, number);
  SyntheticFeedback f;
  f.number = number;
  f.external_id = "FB-" + std::to_string(300000 + number);
  if (shape_.orders > 0 && random.chance(70)) {
    const std::size_t order_number_index = random.below(shape_.orders);
    const SyntheticOrder about = order(order_number_index);
    f.customer = about.customer;
    f.order_ref = about.order_number;
    f.received_at = about.ordered_at + 86400 * static_cast<std::int64_t>(3 + random.below(20));
  } else {
    f.customer = shape_.customers == 0 ? 0 : random.below(shape_.customers);
    f.received_at = kEpoch2023 + static_cast<std::int64_t>(random.below(kYear));
  }
  f.customer_ref = customer_id(f.customer);
  switch (random.below(3)) {
    case 0:
      f.kind = "nps";
      f.score = static_cast<int>(random.below(11));
      break;
    case 1:
      f.kind = "csat";
      f.score = static_cast<int>(1 + random.below(5));
      break;
    default:
      f.kind = "complaint";
      break;
  }
  f.comment = pick(kComments, random);
  if (shape_.is_bad(number)) {
    if (shape_.bad_kind(number, 2) == 0) {
      f.rejected = RejectedRow::cut_short;
    } else {
      f.bad = BadValue::score;
      if (!f.score) {
        f.kind = "nps";
        f.score = 10;
      }
    }
  }
  return f;
}

}  // namespace crmsync::bench
