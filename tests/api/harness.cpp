#include "harness.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <stdexcept>
#include <thread>

namespace kc::testing {

namespace fs = std::filesystem;
using SteadyClock = std::chrono::steady_clock;

fs::path BinaryPath() {
  const char* bin = std::getenv("KC_BINARY");
  if (bin == nullptr) throw std::runtime_error("KC_BINARY is not set (run through ctest)");
  return bin;
}

fs::path NewTempDir(const std::string& tag) {
  static std::atomic<int> counter{0};
  fs::path dir = fs::temp_directory_path() /
                 ("kc-" + tag + "-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

Connection::Connection(uint16_t port) {
  fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd_);
    fd_ = -1;
    return;
  }
  int one = 1;
  ::setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
}

Connection::~Connection() {
  if (fd_ >= 0) ::close(fd_);
}

bool Connection::SendRaw(const std::string& bytes) {
  size_t sent = 0;
  while (sent < bytes.size()) {
    const ssize_t n = ::send(fd_, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) return false;
    sent += static_cast<size_t>(n);
  }
  return true;
}

bool Connection::Fill(SteadyClock::time_point deadline) {
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - SteadyClock::now());
  if (left.count() <= 0) return false;
  pollfd p{fd_, POLLIN, 0};
  if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) return false;
  char buf[16384];
  const ssize_t n = ::recv(fd_, buf, sizeof buf, 0);
  if (n <= 0) return false;
  buffer_.append(buf, static_cast<size_t>(n));
  return true;
}

std::optional<HttpResponse> Connection::ReadResponse(std::chrono::milliseconds timeout, bool head_only) {
  const auto deadline = SteadyClock::now() + timeout;
  size_t header_end;
  while ((header_end = buffer_.find("\r\n\r\n")) == std::string::npos) {
    if (!Fill(deadline)) return std::nullopt;
  }
  HttpResponse r;
  const std::string head = buffer_.substr(0, header_end);
  size_t line_end = head.find("\r\n");
  const std::string status_line = head.substr(0, line_end);
  r.status = std::atoi(status_line.substr(9, 3).c_str());
  size_t pos = line_end == std::string::npos ? head.size() : line_end + 2;
  while (pos < head.size()) {
    size_t end = head.find("\r\n", pos);
    if (end == std::string::npos) end = head.size();
    const std::string line = head.substr(pos, end - pos);
    const size_t colon = line.find(':');
    std::string name = line.substr(0, colon);
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::string value = line.substr(colon + 1);
    while (!value.empty() && value.front() == ' ') value.erase(0, 1);
    r.headers[name] = value;
    pos = end + 2;
  }
  buffer_.erase(0, header_end + 4);
  const size_t length =
      !head_only && r.headers.count("content-length") ? std::stoul(r.headers["content-length"]) : 0;
  while (buffer_.size() < length) {
    if (!Fill(deadline)) return std::nullopt;
  }
  r.body = buffer_.substr(0, length);
  buffer_.erase(0, length);
  return r;
}

bool Connection::WaitClosed(std::chrono::milliseconds timeout) {
  const auto deadline = SteadyClock::now() + timeout;
  while (SteadyClock::now() < deadline) {
    pollfd p{fd_, POLLIN, 0};
    const int left = static_cast<int>(
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - SteadyClock::now()).count());
    if (::poll(&p, 1, std::max(left, 1)) <= 0) continue;
    char buf[4096];
    const ssize_t n = ::recv(fd_, buf, sizeof buf, 0);
    if (n <= 0) return true;
  }
  return false;
}

std::optional<HttpResponse> Connection::Request(const std::string& method, const std::string& target,
                                                const std::string& body,
                                                const std::vector<std::string>& headers) {
  std::string req = method + " " + target + " HTTP/1.1\r\nHost: localhost\r\n";
  for (const auto& h : headers) req += h + "\r\n";
  if (!body.empty() || method == "POST" || method == "PUT" || method == "PATCH") {
    req += "Content-Length: " + std::to_string(body.size()) + "\r\n";
  }
  req += "\r\n" + body;
  if (!SendRaw(req)) return std::nullopt;
  return ReadResponse();
}

ServerProcess::ServerProcess(std::vector<std::string> extra_args, fs::path data_dir)
    : args_(std::move(extra_args)), data_dir_(std::move(data_dir)) {
  if (data_dir_.empty()) {
    data_dir_ = NewTempDir("server");
    own_dir_ = true;
  }
  Start();
}

ServerProcess::~ServerProcess() {
  if (pid_ > 0) {
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
  }
  if (own_dir_) fs::remove_all(data_dir_);
}

void ServerProcess::Start() {
  const fs::path port_file = data_dir_ / "port";
  fs::remove(port_file);
  std::vector<std::string> argv = {BinaryPath().string(), "serve", "--port", "0",
                                   "--data-dir", data_dir_.string(), "--port-file",
                                   port_file.string(), "--access-log",
                                   (data_dir_ / "access.log").string(), "--web-dir",
                                   (data_dir_ / "web").string()};
  argv.insert(argv.end(), args_.begin(), args_.end());
  pid_ = ::fork();
  if (pid_ == 0) {
    const std::string log = (data_dir_ / "server.log").string();
    FILE* f = std::freopen(log.c_str(), "a", stdout);
    (void)f;
    ::dup2(STDOUT_FILENO, STDERR_FILENO);
    std::vector<char*> cargv;
    for (auto& a : argv) cargv.push_back(a.data());
    cargv.push_back(nullptr);
    ::execv(cargv[0], cargv.data());
    std::_Exit(127);
  }
  const auto deadline = SteadyClock::now() + std::chrono::seconds(30);
  while (SteadyClock::now() < deadline) {
    std::ifstream in(port_file);
    int port = 0;
    if (in >> port && port > 0) {
      port_ = static_cast<uint16_t>(port);
      return;
    }
    int status = 0;
    if (::waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      throw std::runtime_error("server exited at start; see " + (data_dir_ / "server.log").string());
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  throw std::runtime_error("server did not start listening within 30 s");
}

void ServerProcess::Signal(int sig) { ::kill(pid_, sig); }

int ServerProcess::Wait(std::chrono::seconds timeout) {
  const auto deadline = SteadyClock::now() + timeout;
  while (SteadyClock::now() < deadline) {
    int status = 0;
    if (::waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      return WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return -1000;
}

void ServerProcess::Restart() {
  if (pid_ > 0) {
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
  }
  Start();
}

std::optional<HttpResponse> ServerProcess::Get(const std::string& target,
                                               const std::vector<std::string>& headers) {
  Connection c(port_);
  return c.Request("GET", target, "", headers);
}

std::optional<HttpResponse> ServerProcess::Send(const std::string& method, const std::string& target,
                                                const std::string& body,
                                                const std::vector<std::string>& headers) {
  Connection c(port_);
  return c.Request(method, target, body, headers);
}

std::pair<int, std::string> RunCli(const std::vector<std::string>& args) {
  std::string cmd = BinaryPath().string();
  for (const auto& a : args) cmd += " '" + a + "'";
  cmd += " 2>&1";
  std::string out;
  FILE* p = ::popen(cmd.c_str(), "r");
  if (p == nullptr) return {-1, ""};
  char buf[4096];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  const int status = ::pclose(p);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

}  // namespace kc::testing
