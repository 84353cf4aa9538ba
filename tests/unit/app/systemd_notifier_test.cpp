#include "daemon/app/systemd_notifier.hpp"

#include <cstdlib>
#include <filesystem>
#include <string>

#include <gtest/gtest.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

namespace crmsync::app {
namespace {

// A real sd_notify receiver bound to a path in $NOTIFY_SOCKET.
class NotifySocket {
 public:
  NotifySocket() {
    path_ = std::filesystem::temp_directory_path() / ("crmsync-notify-" + std::to_string(getpid()) + ".sock");
    std::filesystem::remove(path_);
    fd_ = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    path_.string().copy(address.sun_path, sizeof(address.sun_path) - 1);
    EXPECT_EQ(bind(fd_, reinterpret_cast<sockaddr*>(&address), sizeof(address)), 0);
    timeval timeout{2, 0};
    setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof(timeout));
    setenv("NOTIFY_SOCKET", path_.c_str(), 1);  // NOLINT(concurrency-mt-unsafe)
  }
  ~NotifySocket() {
    unsetenv("NOTIFY_SOCKET");  // NOLINT(concurrency-mt-unsafe)
    close(fd_);
    std::filesystem::remove(path_);
  }
  NotifySocket(const NotifySocket&) = delete;
  NotifySocket& operator=(const NotifySocket&) = delete;

  std::string receive() const {
    char buffer[4096];
    const ssize_t n = recv(fd_, buffer, sizeof(buffer), 0);
    return n > 0 ? std::string(buffer, static_cast<std::size_t>(n)) : std::string();
  }

 private:
  std::filesystem::path path_;
  int fd_ = -1;
};

TEST(SystemdNotifier, ReadySendsReadyAndStatus) {
  NotifySocket socket;
  SystemdNotifier notifier;
  notifier.ready("2 instance(s)");
  EXPECT_EQ(socket.receive(), "READY=1\nSTATUS=2 instance(s)");
}

TEST(SystemdNotifier, StatusIsKeptOnOneLine) {
  NotifySocket socket;
  SystemdNotifier notifier;
  notifier.status("first\nsecond");
  EXPECT_EQ(socket.receive(), "STATUS=first second");
}

TEST(SystemdNotifier, StoppingAndWatchdogMessages) {
  NotifySocket socket;
  SystemdNotifier notifier;
  notifier.stopping("bye");
  EXPECT_EQ(socket.receive(), "STOPPING=1\nSTATUS=bye");
  notifier.watchdog();
  EXPECT_EQ(socket.receive(), "WATCHDOG=1");
}

TEST(SystemdNotifier, WatchdogIntervalIsHalfOfWatchdogUsec) {
  setenv("WATCHDOG_USEC", "3000000", 1);  // NOLINT(concurrency-mt-unsafe)
  const SystemdNotifier notifier;
  unsetenv("WATCHDOG_USEC");  // NOLINT(concurrency-mt-unsafe)
  ASSERT_TRUE(notifier.watchdog_interval());
  EXPECT_EQ(*notifier.watchdog_interval(), std::chrono::microseconds(1500000));
}

TEST(SystemdNotifier, NoWatchdogWithoutWatchdogUsec) {
  unsetenv("WATCHDOG_USEC");  // NOLINT(concurrency-mt-unsafe)
  const SystemdNotifier notifier;
  EXPECT_FALSE(notifier.watchdog_interval());
}

}  // namespace
}  // namespace crmsync::app
