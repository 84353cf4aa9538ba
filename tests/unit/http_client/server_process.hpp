#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <sys/types.h>

namespace crmsync::testing {

// A Python server a test starts on 127.0.0.1 port 0: it is given
// `--port-file <file>` after `arguments`, and the port is read once the file
// appears. The server is terminated when this object goes away.
class ServerProcess {
 public:
  ServerProcess(const std::filesystem::path& script, std::vector<std::string> arguments,
                const std::filesystem::path& work_directory);
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;
  ~ServerProcess();

  [[nodiscard]] int port() const { return port_; }
  // "http://127.0.0.1:<port>" (or https).
  [[nodiscard]] std::string url(const std::string& scheme = "http") const;
  void stop();

 private:
  pid_t pid_ = -1;
  int port_ = 0;
};

// A loopback port nothing listens on (bound, read and closed again).
int unused_loopback_port();

}  // namespace crmsync::testing
