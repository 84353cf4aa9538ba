#pragma once

#include <filesystem>
#include <map>
#include <string>

namespace crmsync::scheduler {

struct RenderedMessage {
  std::string subject;
  std::string text_body;
  std::string html_body;  // empty when the template has no HTML part
};

// Templates are plain files under the templates directory:
//   <name>.<language>.subject   <name>.<language>.txt   <name>.<language>.html (optional)
// with {{placeholder}} markers (customer_name, order_number, survey_link,
// unsubscribe_link, ...). Values are HTML-escaped in the HTML part. A language
// without its own files falls back to English.
class MessageTemplate {
 public:
  explicit MessageTemplate(std::filesystem::path directory);

  // Throws std::runtime_error naming the file when a template is missing or
  // uses a placeholder it is not given.
  [[nodiscard]] RenderedMessage render(const std::string& name, const std::string& language,
                                       const std::map<std::string, std::string>& values) const;

  // Replaces every {{key}}; an unknown key is an error naming `where`.
  [[nodiscard]] static std::string fill(const std::string& text,
                                        const std::map<std::string, std::string>& values, bool escape_html,
                                        const std::string& where);

 private:
  [[nodiscard]] std::filesystem::path part(const std::string& name, const std::string& language,
                                           const std::string& extension) const;

  std::filesystem::path directory_;
};

}  // namespace crmsync::scheduler
