// `medsearch serve` as a program: it listens on loopback by default, says where, and on SIGTERM answers the
// request in flight before it exits 0.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include <catch2/catch.hpp>

#include "tests/cli/run_medsearch.h"
#include "tests/readers/test_support.h"
#include "tests/server/server_fixture.h"

namespace medsearch::test {
namespace {

using namespace std::chrono_literals;

// A TCP connection to the loopback port, written and read by hand (to send half a request).
class RawConnection {
public:
    explicit RawConnection(int port) : socket_(::socket(AF_INET, SOCK_STREAM, 0)) {
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(static_cast<std::uint16_t>(port));
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        REQUIRE(::connect(socket_, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
    }
    ~RawConnection() { ::close(socket_); }
    void send(const std::string& bytes) const { REQUIRE(::write(socket_, bytes.data(), bytes.size()) == static_cast<ssize_t>(bytes.size())); }
    std::string read_all() const {
        std::string text;
        char buffer[4096];
        for (ssize_t got; (got = ::read(socket_, buffer, sizeof buffer)) > 0;) text.append(buffer, static_cast<std::size_t>(got));
        return text;
    }

private:
    int socket_;
};

bool answers_health(int port) {
    httplib::Client client("127.0.0.1", port);
    const httplib::Result result = client.Get("/healthz");
    return result && result->status == 200;
}

TEST_CASE("serve listens on loopback unless told otherwise", "[server]") {
    const CommandResult help = run_medsearch({"serve", "--help"});
    CHECK(help.exit_code == 0);
    CHECK_THAT(help.out, Catch::Contains("127.0.0.1:8080"));
    const CommandResult bad = run_medsearch({"serve", "--db", server_index().string(), "--listen", "localhost"});
    CHECK(bad.exit_code == 2);
    CHECK_THAT(bad.err, Catch::Contains("HOST:PORT"));
}

TEST_CASE("serve finishes the request in flight on SIGTERM and exits 0", "[server][threads]") {
    const int port = free_port();
    RunningMedsearch serve({"serve", "--db", server_index().string(), "--listen", "127.0.0.1:" + std::to_string(port), "--threads", "1",
                            "--no-bundled-synonyms"});
    for (int tries = 0; !answers_health(port); ++tries) {
        REQUIRE(serve.running());
        REQUIRE(tries < 300);
        std::this_thread::sleep_for(50ms);
    }

    // Half a request is on its way when SIGTERM comes; the rest follows, and the answer still arrives.
    const RawConnection in_flight(port);
    in_flight.send("GET /api/search?q=leukopenia&k=1 HTTP/1.1\r\nHost: 127.0.0.1\r\n");
    std::this_thread::sleep_for(300ms);
    serve.send(SIGTERM);
    std::this_thread::sleep_for(300ms);
    in_flight.send("Connection: close\r\n\r\n");
    const std::string answer = in_flight.read_all();
    CHECK_THAT(answer, Catch::StartsWith("HTTP/1.1 200 OK"));
    CHECK_THAT(answer, Catch::Contains("\"article\":\"leukopenia\""));

    const CommandResult result = serve.wait();
    CHECK(result.exit_code == 0);
    CHECK(result.out == "listening on http://127.0.0.1:" + std::to_string(port) + "/\n");
    CHECK_FALSE(answers_health(port));
}

}  // namespace
}  // namespace medsearch::test
