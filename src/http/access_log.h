// One JSON line per completed request, written by a background thread (spdlog async) so that
// the I/O never blocks a connection thread.
#pragma once

#include <chrono>
#include <memory>
#include <string>

#include "http/request.h"
#include "http/router.h"

namespace spdlog {
class logger;
}

namespace kc::http {

class AccessLog {
 public:
  // `target`: "stdout", "off" or a file path (appended).
  explicit AccessLog(const std::string& target);
  ~AccessLog();
  void Write(const Request& req, const Route* route, int status, size_t bytes,
             std::chrono::nanoseconds elapsed);

 private:
  std::shared_ptr<spdlog::logger> logger_;
};

// Appends `s` as a JSON string literal (with quotes) to `out`.
void AppendJsonString(std::string& out, std::string_view s);

}  // namespace kc::http
