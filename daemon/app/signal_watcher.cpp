#include "daemon/app/signal_watcher.hpp"

#include <csignal>

#include <pthread.h>

namespace crmsync::app {
namespace {

sigset_t watched_signals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGHUP);
  sigaddset(&set, SIGUSR2);  // internal: wakes the watcher so it can exit
  return set;
}

}  // namespace

SignalWatcher::SignalWatcher(std::function<void()> on_stop, std::function<void()> on_reload)
    : on_stop_(std::move(on_stop)), on_reload_(std::move(on_reload)) {
  const sigset_t set = watched_signals();
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  thread_ = std::thread([this] { watch(); });
}

SignalWatcher::~SignalWatcher() {
  done_.store(true);
  pthread_kill(thread_.native_handle(), SIGUSR2);
  thread_.join();
}

void SignalWatcher::watch() {
  const sigset_t set = watched_signals();
  while (!done_.load()) {
    int signal = 0;
    if (sigwait(&set, &signal) != 0) continue;
    if (done_.load()) break;
    if (signal == SIGTERM || signal == SIGINT) on_stop_();
    if (signal == SIGHUP) on_reload_();
  }
}

}  // namespace crmsync::app
