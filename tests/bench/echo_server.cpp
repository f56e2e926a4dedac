// The transport floor: a bare Poco WebSocket server that echoes every text frame, with the same
// thread model as onestopd. The API benchmark reports onestopd's latency as a ratio to this.
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/WebSocket.h>
#include <Poco/Util/ServerApplication.h>

#include <fstream>
#include <iostream>

namespace {

using Poco::Net::WebSocket;

class EchoHandler : public Poco::Net::HTTPRequestHandler {
 public:
  void handleRequest(Poco::Net::HTTPServerRequest& request,
                     Poco::Net::HTTPServerResponse& response) override {
    try {
      WebSocket ws(request, response);
      ws.setMaxPayloadSize(1 << 20);
      Poco::Buffer<char> buffer(0);
      for (;;) {
        int flags = 0;
        buffer.resize(0);
        const int n = ws.receiveFrame(buffer, flags);
        const int op = flags & WebSocket::FRAME_OP_BITMASK;
        if ((n == 0 && flags == 0) || op == WebSocket::FRAME_OP_CLOSE) return;
        ws.sendFrame(buffer.begin(), static_cast<int>(buffer.size()), flags);
      }
    } catch (const Poco::Exception&) {
      // Peer went away.
    }
  }
};

class Factory : public Poco::Net::HTTPRequestHandlerFactory {
 public:
  Poco::Net::HTTPRequestHandler* createRequestHandler(
      const Poco::Net::HTTPServerRequest&) override {
    return new EchoHandler;
  }
};

class EchoServer : public Poco::Util::ServerApplication {
 protected:
  int main(const std::vector<std::string>& args) override {
    if (args.empty()) {
      std::cerr << "usage: onestop_echo_server PORT_FILE\n";
      return 64;
    }
    Poco::Net::ServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", 0));
    auto params = Poco::makeAuto<Poco::Net::HTTPServerParams>();
    params->setMaxThreads(80);
    Poco::ThreadPool pool(2, 80);
    Poco::Net::HTTPServer server(new Factory, pool, socket, params);
    server.start();
    std::ofstream(args[0]) << socket.address().port() << '\n';
    waitForTerminationRequest();
    server.stopAll(true);
    pool.joinAll();
    return 0;
  }
};

}  // namespace

POCO_SERVER_MAIN(EchoServer)
