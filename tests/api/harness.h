// Black-box test support: runs the real kotacerdas binary on an ephemeral port with a temporary
// data directory, and talks raw HTTP/1.1 to it over a socket (so tests can also send malformed
// or slow requests that a normal client library refuses to produce).
#pragma once

#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace kc::testing {

struct HttpResponse {
  int status = 0;
  std::map<std::string, std::string> headers;  // lowercase names
  std::string body;
  std::string Header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? "" : it->second;
  }
};

// One TCP connection. Methods return nullopt when the peer closed or timed out.
class Connection {
 public:
  explicit Connection(uint16_t port);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  bool ok() const { return fd_ >= 0; }
  bool SendRaw(const std::string& bytes);
  // `head`: the response to a HEAD request, which has no body whatever Content-Length says.
  std::optional<HttpResponse> ReadResponse(std::chrono::milliseconds timeout = std::chrono::seconds(10),
                                           bool head = false);
  // True when the server closed the connection (reads EOF) within the timeout.
  bool WaitClosed(std::chrono::milliseconds timeout = std::chrono::seconds(5));

  std::optional<HttpResponse> Request(const std::string& method, const std::string& target,
                                      const std::string& body = "",
                                      const std::vector<std::string>& headers = {});

 private:
  bool Fill(std::chrono::steady_clock::time_point deadline);
  int fd_ = -1;
  std::string buffer_;
};

class ServerProcess {
 public:
  // Starts `KC_BINARY serve` with extra flags; blocks until it listens (or fails the test).
  explicit ServerProcess(std::vector<std::string> extra_args = {},
                         std::filesystem::path data_dir = {});
  ~ServerProcess();

  uint16_t port() const { return port_; }
  pid_t pid() const { return pid_; }
  const std::filesystem::path& data_dir() const { return data_dir_; }
  void Signal(int sig);
  // Waits for exit; returns the exit status (or -signal).
  int Wait(std::chrono::seconds timeout = std::chrono::seconds(20));
  // Starts again on the same data directory (a new port).
  void Restart();

  std::optional<HttpResponse> Get(const std::string& target, const std::vector<std::string>& headers = {});
  std::optional<HttpResponse> Send(const std::string& method, const std::string& target,
                                   const std::string& body, const std::vector<std::string>& headers = {});

 private:
  void Start();
  std::vector<std::string> args_;
  std::filesystem::path data_dir_;
  bool own_dir_ = false;
  pid_t pid_ = -1;
  uint16_t port_ = 0;
};

// Runs the kotacerdas binary with arguments; returns exit code and combined output.
std::pair<int, std::string> RunCli(const std::vector<std::string>& args);

std::filesystem::path BinaryPath();
std::filesystem::path NewTempDir(const std::string& tag);

}  // namespace kc::testing
