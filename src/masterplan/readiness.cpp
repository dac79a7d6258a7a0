#include "masterplan/readiness.h"

#include "http/json_body.h"
#include "masterplan/reference.h"

namespace kc::masterplan {

std::string_view ToString(SwotKind kind) {
  switch (kind) {
    case SwotKind::kStrength: return "strength";
    case SwotKind::kWeakness: return "weakness";
    case SwotKind::kOpportunity: return "opportunity";
    case SwotKind::kThreat: return "threat";
  }
  return "strength";
}

std::optional<SwotKind> SwotKindFromString(std::string_view name) {
  for (SwotKind k : {SwotKind::kStrength, SwotKind::kWeakness, SwotKind::kOpportunity, SwotKind::kThreat}) {
    if (ToString(k) == name) return k;
  }
  return std::nullopt;
}

double Mean::Rounded() const {
  if (count == 0) return 0;
  // Half up on exact integers: round(sum * 100 / count) without binary fractions.
  const int64_t hundredths = (static_cast<int64_t>(sum) * 200 + count) / (2 * count);
  return static_cast<double>(hundredths) / 100.0;
}

ReadinessSummary Summarise(const std::vector<ReadinessScore>& scores) {
  ReadinessSummary out;
  out.expected = kDimensionCount * kAspectCount * kSubAspectsPerAspect;
  for (const ReadinessAspect& a : ReadinessAspects()) out.aspects.push_back({std::string(a.aspect.key), {}});
  for (const Dimension& d : Dimensions()) {
    DimensionReadiness dr{.dimension = std::string(d.key)};
    for (size_t ai = 0; ai < ReadinessAspects().size(); ++ai) {
      const ReadinessAspect& a = ReadinessAspects()[ai];
      Mean m;
      for (const ReadinessScore& s : scores) {
        if (s.dimension != d.key || s.aspect != a.aspect.key || !IsSubAspectOf(s.aspect, s.sub_aspect)) continue;
        m.sum += s.score;
        ++m.count;
      }
      dr.aspects.push_back({std::string(a.aspect.key), m});
      dr.overall.sum += m.sum;
      dr.overall.count += m.count;
      out.aspects[ai].second.sum += m.sum;
      out.aspects[ai].second.count += m.count;
    }
    dr.complete = dr.overall.count == kAspectCount * kSubAspectsPerAspect;
    out.overall.sum += dr.overall.sum;
    out.overall.count += dr.overall.count;
    out.dimensions.push_back(std::move(dr));
  }
  out.scored = out.overall.count;
  return out;
}

void ValidateScore(const ReadinessScore& s, std::string_view prefix, Validation& v) {
  const std::string p(prefix);
  if (FindDimension(s.dimension) == nullptr) {
    v.Add(p + "dimension", {"harus salah satu dari " + std::string(DimensionKeysText()),
                            "must be one of " + std::string(DimensionKeysText())});
  }
  if (FindAspect(s.aspect) == nullptr) {
    v.Add(p + "aspect", {"harus struktur, infrastruktur atau suprastruktur",
                         "must be struktur, infrastruktur or suprastruktur"});
  } else if (!IsSubAspectOf(s.aspect, s.sub_aspect)) {
    std::string keys;
    for (const Named& n : FindAspect(s.aspect)->sub_aspects) keys += (keys.empty() ? "" : ", ") + std::string(n.key);
    v.Add(p + "sub_aspect", {"untuk aspek ini harus salah satu dari " + keys,
                             "for this aspect must be one of " + keys});
  }
  if (s.score < kMinScore || s.score > kMaxScore) {
    v.Add(p + "score", {"nilai harus bilangan bulat 1 sampai 5", "the score must be a whole number 1 to 5"});
  }
  const size_t n = http::Utf8Length(s.justification);
  if (n < 3 || n > kJustificationMaxChars) {
    v.Add(p + "justification", {"alasan nilai wajib diisi, 3 sampai 2000 karakter",
                                "a justification is required, 3 to 2000 characters"});
  }
}

}  // namespace kc::masterplan
