// Time is stored in UTC (ISO-8601 with milliseconds and 'Z') and shown in the region's zone.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kc {

using Clock = std::chrono::system_clock;
using TimePoint = std::chrono::time_point<Clock, std::chrono::milliseconds>;

TimePoint NowUtc();

// "2026-11-26T04:30:44.123Z".
std::string FormatUtc(TimePoint t);

// Parses RFC 3339 / ISO-8601 timestamps: "2026-11-26T04:30:44Z", with optional fraction and a
// numeric offset ("+08:00"). Returns nullopt for anything else.
std::optional<TimePoint> ParseTimestamp(std::string_view text);

// Milliseconds since the Unix epoch.
inline int64_t ToMillis(TimePoint t) { return t.time_since_epoch().count(); }
inline TimePoint FromMillis(int64_t ms) { return TimePoint(std::chrono::milliseconds(ms)); }

}  // namespace kc
