// A fast local web for benchmarking `lede fetch`: one thread, epoll,
// HTTP/1.1 keep-alive, listening on 127.0.0.1 .. 127.0.0.N (Linux routes all
// of 127/8 to the loopback interface, so each address is a host of its own).
//
//   serve_bench PORT HOSTS PAGE...   serves GET /p/<k> as PAGE[k % count],
//                                     anything else (robots.txt too) as 404
//
// Prints "ready" once listening. Not a test server: it trusts its client.
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>
#include <unordered_map>
#include <vector>

namespace {

struct Conn {
  std::string in;
  std::string out;
  size_t sent = 0;
};

std::vector<std::string> responses;  // whole HTTP responses, one per page
std::string not_found =
    "HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\nContent-Length: 9\r\n\r\nnot found";

std::string answer(const std::string& request_line) {
  // "GET /p/123 HTTP/1.1"
  size_t a = request_line.find(' ');
  size_t b = request_line.find(' ', a + 1);
  std::string path = request_line.substr(a + 1, b - a - 1);
  if (path.rfind("/p/", 0) != 0) return not_found;
  unsigned long k = std::strtoul(path.c_str() + 3, nullptr, 10);
  return responses[k % responses.size()];
}

void set_nonblocking(int fd) { fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK); }

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    std::fprintf(stderr, "usage: serve_bench PORT HOSTS PAGE...\n");
    return 2;
  }
  int port = std::atoi(argv[1]), hosts = std::atoi(argv[2]);
  for (int i = 3; i < argc; ++i) {
    std::ifstream f(argv[i], std::ios::binary);
    std::string body((std::istreambuf_iterator<char>(f)), {});
    responses.push_back("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: " +
                        std::to_string(body.size()) + "\r\n\r\n" + body);
  }
  int ep = epoll_create1(0);
  std::unordered_map<int, bool> listeners;
  for (int h = 1; h <= hosts; ++h) {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    int one = 1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl((127u << 24) | static_cast<unsigned>(h));
    if (bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || listen(fd, 512) != 0) {
      std::perror("bind/listen");
      return 1;
    }
    set_nonblocking(fd);
    epoll_event ev{EPOLLIN, {.fd = fd}};
    epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev);
    listeners[fd] = true;
  }
  std::printf("ready\n");
  std::fflush(stdout);
  std::unordered_map<int, Conn> conns;
  epoll_event events[256];
  char buf[65536];
  while (true) {
    int n = epoll_wait(ep, events, 256, -1);
    for (int i = 0; i < n; ++i) {
      int fd = events[i].data.fd;
      if (listeners.count(fd)) {
        while (true) {
          int c = accept4(fd, nullptr, nullptr, SOCK_NONBLOCK);
          if (c < 0) break;
          int one = 1;
          setsockopt(c, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
          epoll_event ev{EPOLLIN, {.fd = c}};
          epoll_ctl(ep, EPOLL_CTL_ADD, c, &ev);
          conns[c];
        }
        continue;
      }
      Conn& conn = conns[fd];
      bool closed = false;
      if (events[i].events & EPOLLIN) {
        while (true) {
          ssize_t r = read(fd, buf, sizeof buf);
          if (r > 0) {
            conn.in.append(buf, r);
            continue;
          }
          if (r == 0) closed = true;
          break;
        }
        size_t end;
        while ((end = conn.in.find("\r\n\r\n")) != std::string::npos) {
          conn.out += answer(conn.in.substr(0, conn.in.find("\r\n")));
          conn.in.erase(0, end + 4);
        }
      }
      while (!closed && conn.sent < conn.out.size()) {
        ssize_t w = write(fd, conn.out.data() + conn.sent, conn.out.size() - conn.sent);
        if (w <= 0) break;
        conn.sent += w;
      }
      if (conn.sent == conn.out.size()) {
        conn.out.clear();
        conn.sent = 0;
      }
      if (closed) {
        close(fd);
        conns.erase(fd);
        continue;
      }
      uint32_t flags = EPOLLIN;
      if (!conn.out.empty()) flags |= EPOLLOUT;
      epoll_event ev{flags, {.fd = fd}};
      epoll_ctl(ep, EPOLL_CTL_MOD, fd, &ev);
    }
  }
}
