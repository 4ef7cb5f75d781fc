#include <genwire/client/timer.hpp>

#include <condition_variable>
#include <mutex>

namespace genwire::client {
namespace {

class system_clocks final : public timer {
 public:
  steady_time now() override { return std::chrono::steady_clock::now(); }
  std::chrono::system_clock::time_point wall_now() override { return std::chrono::system_clock::now(); }
  bool sleep_until(steady_time until, std::stop_token stop) override {
    // A condition variable nobody notifies: only the time or the stop token wakes it.
    std::mutex m;
    std::condition_variable_any cv;
    std::unique_lock lock(m);
    cv.wait_until(lock, stop, until, [] { return false; });
    return !stop.stop_requested();
  }
};

}  // namespace

std::shared_ptr<timer> system_timer() {
  static const std::shared_ptr<timer> shared = std::make_shared<system_clocks>();
  return shared;
}

}  // namespace genwire::client
