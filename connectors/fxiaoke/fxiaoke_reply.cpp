#include "fxiaoke_reply.hpp"

namespace crmsync::fxiaoke {
namespace {

std::string text_member(const nlohmann::json& body, const char* key) {
  const auto found = body.find(key);
  return found != body.end() && found->is_string() ? found->get<std::string>() : std::string();
}

}  // namespace

FxiaokeReply FxiaokeReply::parse(const sdk::HttpResponse& response) {
  FxiaokeReply reply;
  reply.http_status_ = response.status;
  reply.body_ = nlohmann::json::parse(response.body, nullptr, false);
  if (!reply.body_.is_object()) {
    reply.body_ = nlohmann::json::object();
    reply.message_ = "the answer is not a JSON object";
    return reply;
  }
  if (const auto code = reply.body_.find("errorCode"); code != reply.body_.end()) {
    if (code->is_number_integer()) reply.error_code_ = code->get<long long>();
    if (code->is_string()) reply.error_code_ = std::strtoll(code->get<std::string>().c_str(), nullptr, 10);
  }
  std::string message = text_member(reply.body_, "errorMessage");
  const std::string description = text_member(reply.body_, "errorDescription");
  if (!description.empty() && description != message) {
    message += (message.empty() ? "" : " (") + description + (message.empty() ? "" : ")");
  }
  reply.message_ = message;
  return reply;
}

std::string FxiaokeReply::describe() const {
  std::string text = "HTTP " + std::to_string(http_status_);
  if (error_code_ != -1) text += " errorCode " + std::to_string(error_code_);
  if (!message_.empty()) text += ": " + message_;
  return text;
}

bool FxiaokeReply::is_rate_limited() const {
  return error_code_ == 30004 || error_code_ == 14001;
}

}  // namespace crmsync::fxiaoke
