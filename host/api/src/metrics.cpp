#include "onestop/api/metrics.hpp"

#include <algorithm>
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

void Metrics::addCounterCollector(std::function<std::vector<CounterSample>()> collector) {
  std::lock_guard lock(mutex_);
  counterCollectors_.push_back(std::move(collector));
}

namespace {

std::string escapeLabel(const std::string& value) {
  std::string out;
  for (const char c : value) {
    if (c == '\\' || c == '"') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out;
}

// Samples grouped by name, one # HELP/# TYPE per name, as the text format requires.
void renderCounters(std::ostringstream& out, std::vector<Metrics::CounterSample> samples) {
  std::stable_sort(samples.begin(), samples.end(),
                   [](const auto& a, const auto& b) { return a.name < b.name; });
  std::string current;
  for (const auto& sample : samples) {
    if (sample.name != current) {
      current = sample.name;
      out << "# HELP " << sample.name << ' ' << sample.help << '\n'
          << "# TYPE " << sample.name << " counter\n";
    }
    out << sample.name;
    if (!sample.labels.empty()) {
      out << '{';
      for (std::size_t i = 0; i < sample.labels.size(); ++i) {
        out << (i == 0 ? "" : ",") << sample.labels[i].first << "=\""
            << escapeLabel(sample.labels[i].second) << '"';
      }
      out << '}';
    }
    out << ' ' << sample.value << '\n';
  }
}

}  // namespace

std::string Metrics::render() const {
  std::vector<std::function<std::map<std::string, double>()>> collectors;
  std::vector<std::function<std::vector<CounterSample>()>> counterCollectors;
  {
    std::lock_guard lock(mutex_);
    collectors = collectors_;
    counterCollectors = counterCollectors_;
  }
  std::map<std::string, double> collected;
  for (const auto& collect : collectors) collected.merge(collect());
  std::vector<CounterSample> counters;
  for (const auto& collect : counterCollectors) {
    auto samples = collect();
    counters.insert(counters.end(), samples.begin(), samples.end());
  }
  std::ostringstream out;
  renderCounters(out, std::move(counters));
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
