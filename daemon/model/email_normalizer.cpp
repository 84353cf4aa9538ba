#include "daemon/model/email_normalizer.hpp"

#include <string>
#include <string_view>

#include "daemon/model/unicode_text.hpp"

namespace crmsync::model {
namespace {

// Only the shape matters here; deliverability is the CRM's business.
bool is_plausible_domain(std::string_view domain) {
  if (domain.empty() || domain.front() == '.' || domain.back() == '.') return false;
  return domain.find('.') != std::string_view::npos && domain.find("..") == std::string_view::npos;
}

}  // namespace

Email EmailNormalizer::normalize(std::string_view text) const {
  Email email;
  email.raw = unicode_text::trim(text);
  const std::string address = unicode_text::nfkc(email.raw);
  const std::size_t at = address.find('@');
  if (at == std::string::npos || address.find('@', at + 1) != std::string::npos) return email;
  if (unicode_text::contains_space(address)) return email;

  const std::string_view local = std::string_view(address).substr(0, at);
  const std::string_view domain = std::string_view(address).substr(at + 1);
  if (local.empty() || !is_plausible_domain(domain)) return email;
  // Domains are case-insensitive (also internationalised ones); local parts may not be.
  email.canonical = std::string(local) + '@' + unicode_text::to_lower(domain);
  return email;
}

}  // namespace crmsync::model
