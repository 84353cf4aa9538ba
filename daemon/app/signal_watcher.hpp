#pragma once

#include <atomic>
#include <functional>
#include <thread>

namespace crmsync::app {

// Turns SIGTERM/SIGINT (stop) and SIGHUP (reload) into calls on a thread of
// its own. Construct it before any other thread starts: it blocks those
// signals in the calling thread, and new threads inherit the mask.
class SignalWatcher {
 public:
  SignalWatcher(std::function<void()> on_stop, std::function<void()> on_reload);
  ~SignalWatcher();
  SignalWatcher(const SignalWatcher&) = delete;
  SignalWatcher& operator=(const SignalWatcher&) = delete;

 private:
  void watch();

  std::function<void()> on_stop_;
  std::function<void()> on_reload_;
  std::atomic<bool> done_{false};
  std::thread thread_;
};

}  // namespace crmsync::app
