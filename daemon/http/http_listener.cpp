#include "daemon/http/http_listener.hpp"

#include <chrono>
#include <memory>
#include <stdexcept>
#include <utility>

#include <boost/asio/ip/address.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <spdlog/spdlog.h>

namespace crmsync::http {
namespace {

namespace beast = boost::beast;
namespace asio = boost::asio;
using tcp = asio::ip::tcp;

constexpr std::size_t kBodyLimit = 8 * 1024;
constexpr auto kClientTimeout = std::chrono::seconds(10);

tcp::endpoint endpoint_of(const std::string& address) {
  const auto colon = address.rfind(':');
  if (colon == std::string::npos)
    throw std::runtime_error("HTTP listener address '" + address + "' has no port");
  std::string host = address.substr(0, colon);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  boost::system::error_code error;
  const auto ip = asio::ip::make_address(host, error);
  if (error)
    throw std::runtime_error("HTTP listener address '" + address + "': '" + host + "' is not an IP address");
  return {ip, static_cast<unsigned short>(std::stoi(address.substr(colon + 1)))};
}

// One connection: read a request, answer it, close. Asynchronous so that the
// timeout holds: a client that stalls is cut off and blocks no one.
class HttpSession : public std::enable_shared_from_this<HttpSession> {
 public:
  HttpSession(tcp::socket socket, const HttpListener::Handler& handler)
      : stream_(std::move(socket)), handler_(handler) {
    parser_.body_limit(kBodyLimit);
  }

  void start() {
    stream_.expires_after(kClientTimeout);
    beast::http::async_read(stream_, buffer_, parser_,
                            [self = shared_from_this()](boost::system::error_code error, std::size_t) {
                              if (!error) self->answer();
                            });
  }

 private:
  void answer() {
    const auto& request = parser_.get();
    const EndpointResponse answer =
        handler_(std::string(request.method_string()), std::string(request.target()), request.body());
    response_.result(static_cast<beast::http::status>(answer.status));
    response_.version(request.version());
    response_.set(beast::http::field::server, "crmsyncd");
    response_.set(beast::http::field::content_type, answer.content_type);
    response_.set(beast::http::field::cache_control, "no-store");
    response_.keep_alive(false);
    response_.body() = answer.body;
    response_.prepare_payload();
    beast::http::async_write(stream_, response_,
                             [self = shared_from_this()](boost::system::error_code, std::size_t) {
                               boost::system::error_code ignored;
                               self->stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
                             });
  }

  beast::tcp_stream stream_;
  const HttpListener::Handler& handler_;
  beast::flat_buffer buffer_;
  beast::http::request_parser<beast::http::string_body> parser_;
  beast::http::response<beast::http::string_body> response_;
};

}  // namespace

HttpListener::HttpListener(const std::string& address, Handler handler)
    : handler_(std::move(handler)), acceptor_(io_) {
  const tcp::endpoint endpoint = endpoint_of(address);
  boost::system::error_code error;
  acceptor_.open(endpoint.protocol(), error);
  if (!error) acceptor_.set_option(asio::socket_base::reuse_address(true), error);
  if (!error) acceptor_.bind(endpoint, error);
  if (!error) acceptor_.listen(asio::socket_base::max_listen_connections, error);
  if (error) throw std::runtime_error("cannot listen on " + address + ": " + error.message());
  port_ = acceptor_.local_endpoint().port();
  accept_next();
  thread_ = std::thread([this] { io_.run(); });
}

HttpListener::~HttpListener() {
  stop();
}

void HttpListener::stop() {
  io_.stop();
  if (thread_.joinable()) thread_.join();
}

void HttpListener::accept_next() {
  acceptor_.async_accept([this](boost::system::error_code error, tcp::socket socket) {
    if (!error) serve(std::move(socket));
    if (acceptor_.is_open()) accept_next();
  });
}

void HttpListener::serve(tcp::socket socket) {
  std::make_shared<HttpSession>(std::move(socket), handler_)->start();
}

}  // namespace crmsync::http
