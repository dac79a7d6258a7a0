#include "masterplan/evaluation.h"

#include <cmath>

namespace kc::masterplan {

const std::array<std::string_view, kComponentCount>& ComponentKeys() {
  static constexpr std::array<std::string_view, kComponentCount> kKeys = {
      "baseline", "output", "outcome", "impact", "quick_win"};
  return kKeys;
}

void ValidateWeights(const Weights& w, Validation& v) {
  int sum = 0;
  bool each_ok = true;
  for (size_t i = 0; i < kComponentCount; ++i) {
    const int p = w.percent[i];
    if (p < 0 || p > 100) {
      v.Add("weights." + std::string(ComponentKeys()[i]), {"harus 0 sampai 100 (persen)", "must be 0 to 100 (percent)"});
      each_ok = false;
    }
    sum += p;
  }
  if (each_ok && sum != 100) {
    v.Add("weights", {"jumlah bobot harus 100 (sekarang " + std::to_string(sum) + ")",
                      "the weights must add up to 100 (now " + std::to_string(sum) + ")"});
  }
}

void ValidateComponents(const Components& c, std::string_view prefix, Validation& v) {
  for (size_t i = 0; i < kComponentCount; ++i) {
    if (c.hundredths[i] < 100 || c.hundredths[i] > 500) {
      v.Add(std::string(prefix) + std::string(ComponentKeys()[i]),
            {"nilai harus 1,00 sampai 5,00", "the score must be 1.00 to 5.00"});
    }
  }
}

int WeightedIndex(const Components& c, const Weights& w) {
  int64_t sum = 0;  // ten-thousandths: hundredths x percent
  for (size_t i = 0; i < kComponentCount; ++i) sum += static_cast<int64_t>(c.hundredths[i]) * w.percent[i];
  return static_cast<int>((sum + 50) / 100);  // half up; all terms are non-negative
}

std::optional<int> ScoreToHundredths(double score) {
  if (!std::isfinite(score)) return std::nullopt;
  const double scaled = score * 100.0;
  const double nearest = std::round(scaled);
  if (std::fabs(scaled - nearest) > 1e-6) return std::nullopt;  // more than two decimals
  if (nearest < 100 || nearest > 500) return std::nullopt;
  return static_cast<int>(nearest);
}

std::string FormatHundredths(int h) {
  std::string frac = std::to_string(h % 100);
  if (frac.size() < 2) frac = "0" + frac;
  return std::to_string(h / 100) + "." + frac;
}

}  // namespace kc::masterplan
