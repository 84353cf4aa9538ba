#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include <soci/soci.h>

namespace crmsync::store {

// A value bound to a prepared statement by reference, NULL when absent. The
// statement reads it at each execute, so it must live as long as the statement.
template <typename T>
struct NullableColumn {
  T value{};
  soci::indicator indicator = soci::i_null;

  void set(T new_value) {
    value = std::move(new_value);
    indicator = soci::i_ok;
  }
  void set(const std::optional<T>& new_value) {
    if (new_value) {
      set(*new_value);
    } else {
      clear();
    }
  }
  void clear() {
    value = T{};
    indicator = soci::i_null;
  }
  [[nodiscard]] std::optional<T> get() const {
    return indicator == soci::i_ok ? std::optional<T>(value) : std::nullopt;
  }
};

using NullableText = NullableColumn<std::string>;
using NullableId = NullableColumn<long long>;

// Empty text is stored as NULL: "unknown" has one spelling in the database.
inline void set_text(NullableText& column, std::string_view text) {
  if (text.empty()) {
    column.clear();
  } else {
    column.set(std::string(text));
  }
}

}  // namespace crmsync::store
