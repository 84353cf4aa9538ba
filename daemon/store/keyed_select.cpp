#include "daemon/store/keyed_select.hpp"

#include <algorithm>
#include <unordered_set>
#include <utility>

#include "daemon/store/multi_row_insert.hpp"
#include "daemon/store/postgres_text_array.hpp"

namespace crmsync::store {

KeyedSelect::KeyedSelect(Database& database, std::string head, std::vector<std::string> fixed)
    : database_(database), head_(std::move(head)), fixed_(std::move(fixed)) {}

void KeyedSelect::run(const std::vector<std::string>& keys,
                      const std::function<void(const soci::row&)>& on_row) {
  std::vector<std::string> unique;
  unique.reserve(keys.size());
  std::unordered_set<std::string> seen;
  for (const auto& key : keys) {
    if (seen.insert(key).second) unique.push_back(key);
  }
  if (unique.empty()) return;
  if (database_.dialect() == Dialect::postgresql) {
    std::string keys_array = PostgresTextArray::literal(unique);
    std::vector<std::string*> bound{&keys_array};
    execute(head_ + " = ANY(CAST(" + MultiRowInsert::placeholder(database_.dialect(), fixed_.size()) +
                " AS TEXT[]))",
            bound, on_row);
    return;
  }
  const std::size_t chunk = kKeysPerStatement;
  for (std::size_t first = 0; first < unique.size(); first += chunk) {
    const std::size_t last = std::min(unique.size(), first + chunk);
    std::string text = head_ + " IN (";
    std::vector<std::string*> bound;
    for (std::size_t i = first; i < last; ++i) {
      text += (i > first ? ", " : "") +
              MultiRowInsert::placeholder(database_.dialect(), fixed_.size() + i - first);
      bound.push_back(&unique[i]);
    }
    text += ")";
    execute(text, bound, on_row);
  }
}

void KeyedSelect::execute(const std::string& text, const std::vector<std::string*>& keys,
                          const std::function<void(const soci::row&)>& on_row) {
  soci::row row;
  soci::statement statement(database_.session());
  statement.exchange(soci::into(row));
  // SOCI reads bound values through references: fixed_ and the keys stay put until the fetches end.
  for (auto& value : fixed_) statement.exchange(soci::use(value));
  for (auto* key : keys) statement.exchange(soci::use(*key));
  statement.alloc();
  statement.prepare(text);
  statement.define_and_bind();
  statement.execute(false);
  while (statement.fetch()) on_row(row);
}

}  // namespace crmsync::store
