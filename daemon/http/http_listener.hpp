#pragma once

#include <functional>
#include <memory>
#include <string>
#include <thread>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>

#include "daemon/http/survey_endpoint.hpp"

namespace crmsync::http {

// A minimal HTTP/1.1 listener (Boost.Beast) on a thread of its own: one
// request per connection, answered by a handler. Small on purpose: requests
// are a link click or an unsubscribe, bodies are capped, slow clients time out.
class HttpListener {
 public:
  using Handler = std::function<EndpointResponse(const std::string& method, const std::string& target,
                                                 const std::string& body)>;

  // `address`: "127.0.0.1:8089" or "[::1]:8089"; port 0 picks a free one.
  // Throws std::runtime_error naming the address when it cannot bind.
  HttpListener(const std::string& address, Handler handler);
  ~HttpListener();
  HttpListener(const HttpListener&) = delete;
  HttpListener& operator=(const HttpListener&) = delete;

  [[nodiscard]] unsigned short port() const { return port_; }
  void stop();

 private:
  void accept_next();
  void serve(boost::asio::ip::tcp::socket socket);

  Handler handler_;
  boost::asio::io_context io_;
  boost::asio::ip::tcp::acceptor acceptor_;
  unsigned short port_ = 0;
  std::thread thread_;
};

}  // namespace crmsync::http
