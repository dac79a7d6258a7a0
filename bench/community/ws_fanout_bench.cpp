// WebSocket fan-out benchmark client: opens N WebSocket connections to one channel's stream,
// then posts M messages over HTTP and measures, for every client, the time from sending the
// POST to receiving the message frame (this includes the durable commit: the server publishes
// only after fsync). Prints `name: value unit` lines (bench-peers convention).
//
//   ws_fanout_bench PORT WS_PATH POST_PATH TOKEN CLIENTS MESSAGES SERVER_PID
//
// Raw sockets and epoll, no Beast: one thread drives every connection, so the client costs
// little CPU beside the server on a 2-core machine.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

struct Client {
  int fd = -1;
  bool upgraded = false;
  std::string buf;
  int frames = 0;                  // text frames received
  std::vector<double> latency_ms;  // one per message
};

int Connect(uint16_t port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd);
    return -1;
  }
  int one = 1;
  ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  return fd;
}

long RssKb(const std::string& pid) {
  std::ifstream in("/proc/" + pid + "/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("VmRSS:", 0) == 0) return std::atol(line.c_str() + 6);
  }
  return -1;
}

// Consumes complete frames from c.buf; answers pings; counts text frames.
void ParseFrames(Client& c, Clock::time_point sent, bool measuring) {
  while (c.buf.size() >= 2) {
    const auto b0 = static_cast<unsigned char>(c.buf[0]);
    size_t len = static_cast<unsigned char>(c.buf[1]) & 0x7f, at = 2;
    if (len == 126) {
      if (c.buf.size() < 4) return;
      len = (static_cast<unsigned char>(c.buf[2]) << 8) | static_cast<unsigned char>(c.buf[3]);
      at = 4;
    } else if (len == 127) {
      std::fprintf(stderr, "unexpected 64-bit frame\n");
      std::exit(1);
    }
    if (c.buf.size() < at + len) return;
    const int opcode = b0 & 0x0f;
    if (opcode == 1) {
      ++c.frames;
      if (measuring) {
        c.latency_ms.push_back(
            std::chrono::duration<double, std::milli>(Clock::now() - sent).count());
      }
    } else if (opcode == 9) {  // ping: a masked pong with the same payload (mask key 0)
      std::string pong = {static_cast<char>(0x8A), static_cast<char>(0x80 | len), 0, 0, 0, 0};
      pong += c.buf.substr(at, len);
      ::send(c.fd, pong.data(), pong.size(), MSG_NOSIGNAL);
    }
    c.buf.erase(0, at + len);
  }
}

double Percentile(std::vector<double>& v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  const size_t i = std::min(v.size() - 1, static_cast<size_t>(p * static_cast<double>(v.size())));
  return v[i];
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 8) {
    std::fprintf(stderr, "usage: %s PORT WS_PATH POST_PATH TOKEN CLIENTS MESSAGES SERVER_PID\n",
                 argv[0]);
    return 2;
  }
  const auto port = static_cast<uint16_t>(std::atoi(argv[1]));
  const std::string ws_path = argv[2], post_path = argv[3], token = argv[4], pid = argv[7];
  const int n = std::atoi(argv[5]), messages = std::atoi(argv[6]);
  rlimit lim{static_cast<rlim_t>(n + 100), static_cast<rlim_t>(n + 100)};
  ::setrlimit(RLIMIT_NOFILE, &lim);

  const long rss_before = RssKb(pid);
  const std::string handshake =
      "GET " + ws_path +
      " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
      "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
      "Sec-WebSocket-Version: 13\r\nAuthorization: Bearer " +
      token + "\r\n\r\n";
  std::vector<Client> clients(static_cast<size_t>(n));
  const int ep = ::epoll_create1(EPOLL_CLOEXEC);
  const auto connect_start = Clock::now();
  int upgraded = 0;
  char tmp[65536];
  // Connect in batches so the listen backlog never overflows.
  constexpr int kBatch = 250;
  for (int base = 0; base < n; base += kBatch) {
    const int end = std::min(n, base + kBatch);
    for (int i = base; i < end; ++i) {
      Client& c = clients[static_cast<size_t>(i)];
      c.fd = Connect(port);
      if (c.fd < 0) {
        std::fprintf(stderr, "connect %d failed: %s\n", i, std::strerror(errno));
        return 1;
      }
      ::send(c.fd, handshake.data(), handshake.size(), MSG_NOSIGNAL);
      epoll_event ev{EPOLLIN, {.u64 = static_cast<uint64_t>(i)}};
      ::epoll_ctl(ep, EPOLL_CTL_ADD, c.fd, &ev);
    }
    while (upgraded < end) {
      epoll_event events[256];
      const int k = ::epoll_wait(ep, events, 256, 10000);
      if (k <= 0) {
        std::fprintf(stderr, "handshake timeout at %d/%d\n", upgraded, n);
        return 1;
      }
      for (int e = 0; e < k; ++e) {
        Client& c = clients[events[e].data.u64];
        const ssize_t got = ::recv(c.fd, tmp, sizeof tmp, 0);
        if (got <= 0) {
          std::fprintf(stderr, "connection closed during handshake\n");
          return 1;
        }
        c.buf.append(tmp, static_cast<size_t>(got));
        const size_t head = c.buf.find("\r\n\r\n");
        if (!c.upgraded && head != std::string::npos) {
          if (c.buf.rfind("HTTP/1.1 101", 0) != 0) {
            std::fprintf(stderr, "refused: %s\n", c.buf.substr(0, head).c_str());
            return 1;
          }
          c.upgraded = true;
          c.buf.erase(0, head + 4);
          ++upgraded;
        }
      }
    }
  }
  const double connect_s = std::chrono::duration<double>(Clock::now() - connect_start).count();
  const long rss_connected = RssKb(pid);

  constexpr uint64_t kPostId = UINT64_MAX;
  std::vector<double> ack_ms;
  for (int m = 0; m < messages; ++m) {
    const std::string body =
        "{\"body\":\"Pengumuman uji fan-out nomor " + std::to_string(m) + "\"}";
    const std::string post =
        "POST " + post_path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token +
        "\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) +
        "\r\nConnection: close\r\n\r\n" + body;
    const int pfd = Connect(port);
    const auto sent = Clock::now();
    ::send(pfd, post.data(), post.size(), MSG_NOSIGNAL);
    epoll_event pev{EPOLLIN, {.u64 = kPostId}};
    ::epoll_ctl(ep, EPOLL_CTL_ADD, pfd, &pev);
    bool acked = false;
    int done = 0;
    while (done < n || !acked) {
      epoll_event events[256];
      const int k = ::epoll_wait(ep, events, 256, 10000);
      if (k <= 0) {
        std::fprintf(stderr, "message %d: only %d/%d clients received it\n", m, done, n);
        return 1;
      }
      for (int e = 0; e < k; ++e) {
        if (events[e].data.u64 == kPostId) {  // the POST's answer: the commit is durable
          ack_ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - sent).count());
          ::epoll_ctl(ep, EPOLL_CTL_DEL, pfd, nullptr);
          acked = true;
          const ssize_t r = ::recv(pfd, tmp, sizeof tmp - 1, 0);
          if (r <= 0 || std::strncmp(tmp, "HTTP/1.1 201", 12) != 0) {
            std::fprintf(stderr, "post answer: %.*s\n", static_cast<int>(std::max<ssize_t>(r, 0)),
                         tmp);
            return 1;
          }
          continue;
        }
        Client& c = clients[events[e].data.u64];
        const ssize_t got = ::recv(c.fd, tmp, sizeof tmp, 0);
        if (got <= 0) {
          std::fprintf(stderr, "a client was disconnected\n");
          return 1;
        }
        c.buf.append(tmp, static_cast<size_t>(got));
        const int before = c.frames;
        ParseFrames(c, sent, true);
        if (before == m && c.frames > m) ++done;
      }
    }
    ::close(pfd);
    ::usleep(2000 * 1000 / 10);  // under the per-user flood limit
  }
  std::vector<double> all;
  for (auto& c : clients) all.insert(all.end(), c.latency_ms.begin(), c.latency_ms.end());
  std::printf("ws_clients: %d clients\n", n);
  std::printf("ws_connect_rate: %.0f handshakes/s\n", n / connect_s);
  std::printf("server_rss_before: %.1f MiB\n", static_cast<double>(rss_before) / 1024);
  std::printf("server_rss_connected: %.1f MiB\n", static_cast<double>(rss_connected) / 1024);
  std::printf("server_rss_per_client: %.1f KiB\n",
              static_cast<double>(rss_connected - rss_before) / n);
  std::printf("fanout_samples: %zu deliveries\n", all.size());
  std::vector<double> copy = all;
  std::printf("post_ack_p50: %.1f ms\n", Percentile(ack_ms, 0.50));
  std::printf("post_ack_max: %.1f ms\n", Percentile(ack_ms, 1.0));
  std::printf("fanout_max: %.1f ms\n", Percentile(copy, 1.0));
  std::printf("fanout_p50: %.1f ms\n", Percentile(copy, 0.50));
  std::printf("fanout_p99: %.1f ms\n", Percentile(copy, 0.99));
  for (auto& c : clients) ::close(c.fd);
  return 0;
}
