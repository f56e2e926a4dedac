#include "onestop/cccd/expiry_rules.hpp"

#include <algorithm>
#include <array>
#include <span>

namespace onestop::cccd {
namespace {

constexpr std::array kAges2014{25, 40, 60};
constexpr std::array kAges2023{14, 25, 40, 60};
constexpr int kIssueWindowYears = 2;  // issued within 2 years before a renewal age: next one
constexpr Date kLaw2023Start{std::chrono::year{2024}, std::chrono::July, std::chrono::day{1}};

ExpiryCandidate atAge(Date birth, int age) {
  return {addYears(birth, age), age, false};
}
ExpiryCandidate noExpiry() {
  return {std::nullopt, 0, false};
}

bool sameOutcome(const ExpiryCandidate& a, const ExpiryCandidate& b) {
  return a.renewalAge == b.renewalAge;
}

void appendOnce(std::vector<ExpiryCandidate>& out, const ExpiryCandidate& candidate) {
  const bool present = std::any_of(
      out.begin(), out.end(), [&](const ExpiryCandidate& c) { return sameOutcome(c, candidate); });
  if (!present) out.push_back(candidate);
}

}  // namespace

std::string mrzExpiry(const ExpiryCandidate& candidate) {
  return candidate.date ? toYymmdd(*candidate.date) : std::string(kNoExpiryMrz);
}

std::vector<ExpiryCandidate> expiryCandidatesFromIssue(Date birth, Date issued) {
  const std::span<const int> ages =
      issued >= kLaw2023Start ? std::span<const int>(kAges2023) : std::span<const int>(kAges2014);
  const int age = completedYears(birth, issued);
  // Outcome i applies for ages at issue in [lower(i), upper(i)); the last one is "no expiry".
  const std::size_t outcomes = ages.size() + 1;
  auto lower = [&](std::size_t i) { return i == 0 ? -1000 : ages[i - 1] - kIssueWindowYears; };
  auto upper = [&](std::size_t i) { return i < ages.size() ? ages[i] - kIssueWindowYears : 1000; };
  std::size_t rule = 0;
  while (rule + 1 < outcomes && age >= upper(rule)) ++rule;
  auto distance = [&](std::size_t i) {
    return i < rule ? age - upper(i) + 1 : lower(i) - age;  // years to cross into outcome i
  };
  std::vector<std::size_t> order(outcomes);
  for (std::size_t i = 0; i < outcomes; ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    if (a == rule || b == rule) return a == rule && b != rule;
    if (distance(a) != distance(b)) return distance(a) < distance(b);
    return a > b;  // a tie goes to the longer validity
  });
  std::vector<ExpiryCandidate> out;
  for (const std::size_t i : order) {
    ExpiryCandidate candidate = i < ages.size() ? atAge(birth, ages[i]) : noExpiry();
    candidate.byRule = i == rule;
    out.push_back(candidate);
  }
  return out;
}

std::vector<ExpiryCandidate> expiryCandidatesOn(Date birth, Date today) {
  const int age = completedYears(birth, today);
  std::vector<ExpiryCandidate> out;
  const auto next = std::find_if(kAges2023.begin(), kAges2023.end(),
                                 [&](int m) { return addYears(birth, m) >= today; });
  if (next != kAges2023.end()) {
    out.push_back(atAge(birth, *next));
    if (age >= *next - kIssueWindowYears) {  // a card renewed in the window lasts one step more
      appendOnce(out, next + 1 != kAges2023.end() ? atAge(birth, *(next + 1)) : noExpiry());
    }
  } else {
    out.push_back(noExpiry());  // past the last renewal age: most cards no longer expire
  }
  if (next != kAges2023.begin()) appendOnce(out, atAge(birth, *(next - 1)));
  appendOnce(out, noExpiry());
  return out;
}

}  // namespace onestop::cccd
