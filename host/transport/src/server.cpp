#include "onestop/transport/server.hpp"

#include <Poco/Logger.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/ThreadPool.h>

#include <stdexcept>
#include <thread>

#include "onestop/transport/handshake_policy.hpp"
#include "request_router.hpp"
#include "session_registry.hpp"

namespace onestop::transport {
namespace {

bool isLoopback(const std::string& address) {
  return address == "127.0.0.1" || address == "::1" || address == "localhost";
}

Poco::Net::ServerSocket bindListener(const std::string& address, std::uint16_t port) {
  Poco::Net::SocketAddress where(address, port);
  Poco::Net::ServerSocket socket;
  if (where.family() == Poco::Net::SocketAddress::IPv6) {
    socket.bind6(where, /*reuseAddress=*/true, /*reusePort=*/false, /*ipV6Only=*/true);
  } else {
    socket.bind(where, /*reuseAddress=*/true, /*reusePort=*/false);
  }
  socket.listen(64);
  return socket;
}

}  // namespace

struct Server::Impl {
  Impl(ServerOptions opts, ServerServices svc)
      : options(std::move(opts)),
        services(svc),
        registry(options.maxConnections),
        // Room for every WebSocket plus a margin, so the connection over the limit still gets a
        // thread that answers 503 instead of waiting in the accept queue.
        threadsPerListener(static_cast<int>(options.maxConnections) + 8),
        pool(2,
             threadsPerListener *
                 static_cast<int>(std::max<std::size_t>(1, options.bindAddresses.size())),
             60) {}

  ServerOptions options;
  ServerServices services;
  SessionRegistry registry;
  int threadsPerListener;
  Poco::ThreadPool pool;
  std::vector<std::unique_ptr<Poco::Net::HTTPServer>> servers;
  std::uint16_t port = 0;
  bool stopped = false;
};

Server::Server(ServerOptions options, ServerServices services)
    : impl_(std::make_unique<Impl>(std::move(options), services)) {}

Server::~Server() {
  stop();
}

void Server::start() {
  auto& log = Poco::Logger::get("onestop.transport");
  std::uint16_t port = impl_->options.port;
  for (std::size_t i = 0; i < impl_->options.bindAddresses.size(); ++i) {
    const auto& address = impl_->options.bindAddresses[i];
    if (!isLoopback(address)) {
      log.warning("LISTENING ON NON-LOOPBACK ADDRESS %s: other machines can reach this daemon",
                  address);
    }
    Poco::Net::ServerSocket socket;
    try {
      socket = bindListener(address, port);
    } catch (const Poco::Exception& e) {
      if (i == 0) {
        throw std::runtime_error("cannot listen on " + address + ":" + std::to_string(port) + ": " +
                                 e.displayText());
      }
      log.warning("skipping %s: %s", address, e.displayText());
      continue;
    }
    if (i == 0) port = socket.address().port();
    auto params = Poco::makeAuto<Poco::Net::HTTPServerParams>();
    params->setMaxThreads(impl_->threadsPerListener);
    params->setMaxQueued(64);
    params->setTimeout(Poco::Timespan(impl_->options.handshakeTimeout.count(), 0));
    params->setKeepAlive(false);
    params->setServerName("onestopd");
    auto server = std::make_unique<Poco::Net::HTTPServer>(
        new RequestRouter(impl_->options, impl_->services, impl_->registry), impl_->pool, socket,
        params);
    impl_->servers.push_back(std::move(server));
  }
  impl_->port = port;
  impl_->services.policy.setPort(port);
  for (auto& server : impl_->servers) server->start();
}

void Server::stop() {
  if (impl_->stopped) return;
  impl_->stopped = true;
  impl_->registry.closeAll();
  // Each listener's acceptor polls every 250 ms; stopping them side by side halves shutdown.
  std::vector<std::thread> stoppers;
  for (auto& server : impl_->servers) {
    stoppers.emplace_back([&server] { server->stopAll(/*abortCurrent=*/true); });
  }
  for (auto& t : stoppers) t.join();
  impl_->pool.joinAll();
  impl_->servers.clear();
}

std::uint16_t Server::port() const {
  return impl_->port;
}

std::size_t Server::activeSessions() const {
  return impl_->registry.size();
}

}  // namespace onestop::transport
