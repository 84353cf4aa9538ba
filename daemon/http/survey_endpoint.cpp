#include "daemon/http/survey_endpoint.hpp"

#include <charconv>
#include <exception>

#include <soci/soci.h>
#include <spdlog/spdlog.h>

#include "daemon/model/sha256_hex.hpp"
#include "daemon/scheduler/suppression_list.hpp"
#include "daemon/store/utc_timestamp.hpp"
#include "daemon/store/write_transaction.hpp"

namespace crmsync::http {
namespace {

constexpr const char* kInstance = "crmsync";
constexpr const char* kStream = "survey_clicks";

EndpointResponse page(int status, const std::string& title, const std::string& text) {
  return {status, "text/html; charset=utf-8",
          "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + title + "</title></head><body><p>" +
              text + "</p></body></html>"};
}

EndpointResponse not_found() {
  return page(404, "Not found", "This link is not valid.");
}

bool is_token(const std::string& text) {
  return !text.empty() && text.size() <= 128 &&
         text.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") ==
             std::string::npos;
}

std::optional<int> score_in(const std::string& query) {
  for (std::size_t at = 0; at < query.size();) {
    const std::size_t end = std::min(query.find('&', at), query.size());
    const std::string pair = query.substr(at, end - at);
    if (pair.starts_with("score=")) {
      int score = 0;
      const char* first = pair.data() + 6;
      const char* last = pair.data() + pair.size();
      const auto [stop, problem] = std::from_chars(first, last, score);
      if (problem == std::errc{} && stop == last && first != last) return score;
      return std::nullopt;
    }
    at = end + 1;
  }
  return std::nullopt;
}

bool fits_scale(const std::string& survey, int score) {
  return survey == "csat" ? score >= 1 && score <= 5 : score >= 0 && score <= 10;
}

}  // namespace

SurveyEndpoint::SurveyEndpoint(const std::string& database_url, const config::JourneyConfig& journey,
                               const scheduler::SurveyTokenSigner& signer, const sdk::Clock& clock)
    : database_(store::Database::open(database_url)),
      journey_(journey),
      signer_(signer),
      clock_(clock),
      replies_(signer),
      reminders_(journey, clock),
      writer_(*database_) {
  writer_.add_observer(&replies_);
  writer_.add_observer(&reminders_);
}

SurveyEndpoint::~SurveyEndpoint() = default;

EndpointResponse SurveyEndpoint::handle(const std::string& method, const std::string& target,
                                        const std::string& body) {
  const std::size_t question = target.find('?');
  const std::string path = target.substr(0, question);
  const std::string query = question == std::string::npos ? "" : target.substr(question + 1);
  try {
    database_->reconnect_if_lost();
    if (path.starts_with("/s/") && method == "GET") return record_score(path.substr(3), query);
    if (path.starts_with("/u/")) {
      const std::string token = path.substr(3);
      if (method == "POST") {
        // RFC 8058: the mail client posts exactly this; a browser form does too.
        if (body.find("List-Unsubscribe=One-Click") == std::string::npos) {
          return page(400, "Bad request", "Expected List-Unsubscribe=One-Click.");
        }
        return unsubscribe(token);
      }
      if (method == "GET") {
        if (!verified(token)) return not_found();
        return {200, "text/html; charset=utf-8",
                "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Unsubscribe</title></head><body>"
                "<form method=\"post\"><input type=\"hidden\" name=\"List-Unsubscribe\" value=\"One-Click\">"
                "<p>Stop receiving surveys from us? / 不再接收调查邮件？</p>"
                "<button type=\"submit\">Unsubscribe / 退订</button></form></body></html>"};
      }
    }
    return not_found();
  } catch (const std::exception& error) {
    spdlog::error("survey link {} {}: {}", method, path.substr(0, 3), error.what());
    return page(503, "Try again later", "Sorry, please try again later.");
  }
}

std::optional<SurveyEndpoint::SurveyRow> SurveyEndpoint::verified(const std::string& token) {
  if (!is_token(token)) return std::nullopt;
  SurveyRow row;
  std::string key;
  soci::indicator survey_i = soci::i_null, email_i = soci::i_null;
  auto& sql = database_->session();
  sql << "SELECT x.idempotency_key, c.id, x.survey, c.primary_email FROM outbox x"
         " JOIN customer planned ON planned.id = x.customer_id"
         " JOIN customer c ON c.id = COALESCE(planned.merged_into, planned.id) WHERE x.survey_token = :token",
      soci::into(key), soci::into(row.customer_id), soci::into(row.survey, survey_i),
      soci::into(row.email, email_i), soci::use(token);
  if (!sql.got_data() || !signer_.verify(token, key)) return std::nullopt;
  if (survey_i != soci::i_ok) row.survey.clear();
  if (email_i != soci::i_ok) row.email.clear();
  return row;
}

EndpointResponse SurveyEndpoint::record_score(const std::string& token, const std::string& query) {
  const auto row = verified(token);
  if (!row || row->survey.empty()) return not_found();
  const auto score = score_in(query);
  if (!score || !fits_scale(row->survey, *score)) {
    return page(
        400, "Score",
        row->survey == "csat" ? "Please choose a score from 1 to 5." : "Please choose a score from 0 to 10.");
  }
  const auto now = std::chrono::floor<std::chrono::seconds>(clock_.now());
  model::NormalizedRecord record;
  record.external_id = token;
  record.entity = sdk::EntityType::feedback;
  // The latest click counts: a changed score is a changed payload.
  record.payload = R"({"survey_token":")" + token + R"(","score":)" + std::to_string(*score) + "}";
  record.payload_hash = model::sha256_hex(record.payload);
  record.source_updated_at = now;
  record.location = "survey link";
  model::Feedback feedback;
  feedback.kind = "note";  // ReplyLinker makes it the survey's kind
  feedback.score = *score;
  feedback.survey_token = token;
  feedback.received_at = now;
  record.data = feedback;
  store::BatchWrite batch;
  batch.instance = kInstance;
  batch.stream = kStream;
  batch.records.push_back(std::move(record));
  writer_.write(batch);
  return page(200, "Thank you", "Thank you for your feedback! / 感谢您的反馈！");
}

EndpointResponse SurveyEndpoint::unsubscribe(const std::string& token) {
  const auto row = verified(token);
  if (!row) return not_found();
  const std::string now = store::UtcTimestamp::format(std::chrono::floor<std::chrono::seconds>(clock_.now()));
  scheduler::SuppressionList suppressions(*database_);
  if (!suppressions.reason_for(row->customer_id, row->email)) {
    store::WriteTransaction transaction(*database_);
    suppressions.add(row->email, row->customer_id, "unsubscribed", "unsubscribe link", now);
    transaction.commit();
  }
  return page(200, "Unsubscribed",
              "You will receive no more surveys from us. / 您已退订，今后不会再收到调查邮件。");
}

}  // namespace crmsync::http
