#include "bench/febrl_csv_reader.hpp"

#include <fstream>
#include <stdexcept>
#include <string_view>

namespace crmsync::bench {

namespace {

constexpr std::size_t kColumns = 11;

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::vector<std::string> split(std::string_view line) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (true) {
    const std::size_t comma = line.find(',', start);
    out.emplace_back(trim(line.substr(start, comma == std::string_view::npos ? comma : comma - start)));
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return out;
}

std::uint64_t entity_of(const std::string& rec_id, std::size_t line_number) {
  // rec-<N>-org or rec-<N>-dup-<k>
  const std::size_t first = rec_id.find('-');
  const std::size_t second = first == std::string::npos ? first : rec_id.find('-', first + 1);
  if (second == std::string::npos) {
    throw std::runtime_error("line " + std::to_string(line_number) + ": rec_id not rec-<N>-...: " + rec_id);
  }
  return std::stoull(rec_id.substr(first + 1, second - first - 1));
}

}  // namespace

FebrlCsvReader::Dataset FebrlCsvReader::read(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot open " + path);
  Dataset data;
  std::string line;
  std::size_t line_number = 0;
  while (std::getline(in, line)) {
    ++line_number;
    if (line_number == 1 || trim(line).empty()) continue;  // header
    const auto cells = split(line);
    if (cells.size() != kColumns) {
      throw std::runtime_error(path + ":" + std::to_string(line_number) + ": expected 11 columns");
    }
    identity::IdentityRecord r;
    r.id = cells[0];
    r.given_name = cells[1];
    r.family_name = cells[2];
    r.street_number = cells[3];
    r.address = cells[5].empty() ? cells[4] : cells[4] + " " + cells[5];
    r.locality = cells[6];
    r.postcode = cells[7];
    r.state = cells[8];
    r.date_of_birth = cells[9];
    r.tax_id = cells[10];
    data.truth.push_back(entity_of(cells[0], line_number));
    data.records.push_back(std::move(r));
  }
  return data;
}

}  // namespace crmsync::bench
