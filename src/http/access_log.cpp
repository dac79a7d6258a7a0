#include "http/access_log.h"

#include <spdlog/async.h>
#include <spdlog/sinks/basic_file_sink.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include "core/time.h"

namespace kc::http {

AccessLog::AccessLog(const std::string& target) {
  if (target == "off" || target.empty()) return;
  static std::once_flag pool_once;
  std::call_once(pool_once, [] { spdlog::init_thread_pool(16384, 1); });
  auto pool = spdlog::thread_pool();
  std::shared_ptr<spdlog::sinks::sink> sink;
  if (target == "stdout") {
    sink = std::make_shared<spdlog::sinks::stdout_sink_mt>();
  } else {
    sink = std::make_shared<spdlog::sinks::basic_file_sink_mt>(target, false);
  }
  // Blocking when the queue is full: an access log that silently drops lines is worse than a
  // brief stall under overload.
  logger_ = std::make_shared<spdlog::async_logger>("access", std::move(sink), pool,
                                                   spdlog::async_overflow_policy::block);
  logger_->set_pattern("%v");
}

AccessLog::~AccessLog() {
  if (logger_) logger_->flush();
}

void AppendJsonString(std::string& out, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  out.push_back('"');
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == '"' || c == '\\') {
      out.push_back('\\');
      out.push_back(ch);
    } else if (c < 0x20) {
      out += "\\u00";
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 0xF]);
    } else {
      out.push_back(ch);
    }
  }
  out.push_back('"');
}

void AccessLog::Write(const Request& req, const Route* route, int status, size_t bytes,
                      std::chrono::nanoseconds elapsed) {
  if (!logger_) return;
  std::string line;
  line.reserve(256);
  line += "{\"ts\":\"";
  line += FormatUtc(NowUtc());
  line += "\",\"request_id\":";
  AppendJsonString(line, req.request_id);
  line += ",\"method\":\"";
  line += MethodName(req.method);
  line += "\",\"path\":";
  AppendJsonString(line, req.path);
  line += ",\"route\":";
  AppendJsonString(line, route != nullptr ? route->pattern : "");
  line += ",\"status\":" + std::to_string(status);
  line += ",\"bytes\":" + std::to_string(bytes);
  line += ",\"duration_us\":" +
          std::to_string(std::chrono::duration_cast<std::chrono::microseconds>(elapsed).count());
  line += ",\"remote\":";
  AppendJsonString(line, req.remote_address);
  line += "}";
  logger_->info(line);
}

}  // namespace kc::http
