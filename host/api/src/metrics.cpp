#include "onestop/api/metrics.hpp"

#include <sstream>

namespace onestop::api {

void Metrics::recordCall(std::string_view method, std::string_view outcome,
                         std::chrono::microseconds duration) {
  const std::string name = method.empty() ? "(invalid)" : std::string(method);
  const double seconds = static_cast<double>(duration.count()) / 1e6;
  std::lock_guard lock(mutex_);
  ++calls_[{name, std::string(outcome)}];
  auto& h = latency_[name];
  for (std::size_t i = 0; i < kBuckets.size(); ++i) {
    if (seconds <= kBuckets[i]) ++h.counts[i];
  }
  ++h.total;
  h.sum += seconds;
}

void Metrics::recordHandshakeRefused(std::string_view reason) {
  std::lock_guard lock(mutex_);
  ++refusals_[std::string(reason)];
}

void Metrics::setGauge(const std::string& name, double value) {
  std::lock_guard lock(mutex_);
  gauges_[name] = value;
}

void Metrics::addCollector(std::function<std::map<std::string, double>()> collector) {
  std::lock_guard lock(mutex_);
  collectors_.push_back(std::move(collector));
}

std::string Metrics::render() const {
  std::vector<std::function<std::map<std::string, double>()>> collectors;
  {
    std::lock_guard lock(mutex_);
    collectors = collectors_;
  }
  std::map<std::string, double> collected;
  for (const auto& collect : collectors) collected.merge(collect());
  std::ostringstream out;
  std::lock_guard lock(mutex_);
  out << "# HELP onestop_rpc_calls_total JSON-RPC calls by method and outcome.\n"
      << "# TYPE onestop_rpc_calls_total counter\n";
  for (const auto& [key, count] : calls_) {
    out << "onestop_rpc_calls_total{method=\"" << key.first << "\",outcome=\"" << key.second
        << "\"} " << count << '\n';
  }
  out << "# HELP onestop_rpc_duration_seconds JSON-RPC call latency.\n"
      << "# TYPE onestop_rpc_duration_seconds histogram\n";
  for (const auto& [method, h] : latency_) {
    for (std::size_t i = 0; i < kBuckets.size(); ++i) {
      out << "onestop_rpc_duration_seconds_bucket{method=\"" << method << "\",le=\"" << kBuckets[i]
          << "\"} " << h.counts[i] << '\n';
    }
    out << "onestop_rpc_duration_seconds_bucket{method=\"" << method << "\",le=\"+Inf\"} "
        << h.total << '\n'
        << "onestop_rpc_duration_seconds_sum{method=\"" << method << "\"} " << h.sum << '\n'
        << "onestop_rpc_duration_seconds_count{method=\"" << method << "\"} " << h.total << '\n';
  }
  out << "# HELP onestop_handshakes_refused_total WebSocket handshakes refused by reason.\n"
      << "# TYPE onestop_handshakes_refused_total counter\n";
  for (const auto& [reason, count] : refusals_) {
    out << "onestop_handshakes_refused_total{reason=\"" << reason << "\"} " << count << '\n';
  }
  collected.insert(gauges_.begin(), gauges_.end());
  for (const auto& [name, value] : collected) {
    out << "# TYPE " << name << " gauge\n" << name << ' ' << value << '\n';
  }
  return out.str();
}

}  // namespace onestop::api
