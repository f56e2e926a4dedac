#pragma once

#include <array>
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace onestop::api {

// Counters and latency histograms in Prometheus text format; fleets scrape /metrics. Labels are
// method names and reasons only — never anything a citizen typed or a card held.
class Metrics {
 public:
  void recordCall(std::string_view method, std::string_view outcome,
                  std::chrono::microseconds duration);
  void recordHandshakeRefused(std::string_view reason);
  void setGauge(const std::string& name, double value);
  // Called on every render, outside the lock, for gauges read from elsewhere (sessions, plugins).
  void addCollector(std::function<std::map<std::string, double>()> collector);

  // A labelled counter kept elsewhere (the statistics in the database). Label values are
  // identifiers (procedure ids, verdicts, reasons), escaped anyway.
  struct CounterSample {
    std::string name;  // "onestop_cases_total"
    std::string help;
    std::vector<std::pair<std::string, std::string>> labels;
    double value = 0;
  };
  void addCounterCollector(std::function<std::vector<CounterSample>()> collector);

  [[nodiscard]] std::string render() const;

 private:
  static constexpr std::array<double, 9> kBuckets{0.0005, 0.001, 0.0025, 0.005, 0.01,
                                                  0.05,   0.25,  1.0,    5.0};
  struct Histogram {
    std::array<std::uint64_t, kBuckets.size()> counts{};
    std::uint64_t total = 0;
    double sum = 0;
  };

  mutable std::mutex mutex_;
  std::map<std::pair<std::string, std::string>, std::uint64_t> calls_;  // (method, outcome)
  std::map<std::string, Histogram> latency_;                            // method
  std::map<std::string, std::uint64_t> refusals_;                       // reason
  std::map<std::string, double> gauges_;
  std::vector<std::function<std::map<std::string, double>()>> collectors_;
  std::vector<std::function<std::vector<CounterSample>()>> counterCollectors_;
};

}  // namespace onestop::api
