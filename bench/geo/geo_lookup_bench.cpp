// geo_lookup_bench [FILE]: parse + validate, index build, memory, then Locate throughput (1 and 2
// threads) and per-lookup latency for (a) points uniform in Indonesia's bbox and (b) points known
// to lie inside a polygon. Prints `name: value unit` lines (parsed by postgis_compare.sh).
// FILE defaults to the shared nationwide kecamatan layer; if it is absent the program says so
// and exits 0. Build it in Release (-O2): Debug numbers are meaningless.
#include <geos/geom/Point.h>
#include <geos/geom/prep/PreparedGeometryFactory.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "geo/area_index.h"
#include "geo/geojson_reader.h"
#include "geo/geos_util.h"

namespace {

using Clock = std::chrono::steady_clock;
using kc::geo::AreaIndex;
using kc::geo::BoundaryFeature;

struct Pt {
  double x;
  double y;
};

// Indonesia's bbox as used by the PostGIS peer's synthetic grid.
constexpr double kMinLon = 95, kMaxLon = 141, kMinLat = -11, kMaxLat = 6;
constexpr std::size_t kPoints = 1'000'000;
constexpr int kInsidePerFeature = 32;
constexpr double kThroughputSeconds = 1.5;
constexpr std::size_t kLatencySamples = 300'000;

double Ms(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

std::vector<Pt> UniformPoints() {
  std::mt19937_64 rng(2025);
  std::uniform_real_distribution<double> ux(kMinLon, kMaxLon), uy(kMinLat, kMaxLat);
  std::vector<Pt> pts(kPoints);
  for (auto& p : pts) p = {ux(rng), uy(rng)};
  return pts;
}

// Points inside each feature (rejection sampling in its bbox, checked with GEOS), shuffled.
std::vector<Pt> InsidePoints(const std::vector<BoundaryFeature>& features) {
  auto factory = kc::geo::NewFactory();
  std::mt19937_64 rng(7285);
  std::vector<Pt> pts;
  for (const auto& f : features) {
    auto prepared = geos::geom::prep::PreparedGeometryFactory::prepare(f.geometry.get());
    std::uniform_real_distribution<double> ux(f.bbox.min_lon, f.bbox.max_lon);
    std::uniform_real_distribution<double> uy(f.bbox.min_lat, f.bbox.max_lat);
    int got = 0;
    for (int tries = 0; got < kInsidePerFeature && tries < 2000; ++tries) {
      const Pt p{ux(rng), uy(rng)};
      std::unique_ptr<geos::geom::Point> g(factory->createPoint(geos::geom::Coordinate(p.x, p.y)));
      if (prepared->contains(g.get())) {
        pts.push_back(p);
        ++got;
      }
    }
  }
  std::shuffle(pts.begin(), pts.end(), rng);
  return pts;
}

// Lookups/s with `threads` threads each cycling over `pts` from a different offset.
double Throughput(const AreaIndex& index, const std::vector<Pt>& pts, int threads) {
  std::atomic<bool> stop{false};
  std::vector<std::size_t> counts(static_cast<std::size_t>(threads), 0);
  std::vector<std::size_t> hits(static_cast<std::size_t>(threads), 0);
  std::vector<std::thread> workers;
  const auto start = Clock::now();
  for (int t = 0; t < threads; ++t) {
    workers.emplace_back([&, t] {
      std::size_t i = static_cast<std::size_t>(t) * pts.size() / 2, n = 0, h = 0;
      while (!stop.load(std::memory_order_relaxed)) {
        for (int k = 0; k < 4096; ++k) {
          const Pt& p = pts[i];
          h += index.Locate(p.x, p.y).has_value();
          if (++i == pts.size()) i = 0;
        }
        n += 4096;
      }
      counts[static_cast<std::size_t>(t)] = n;
      hits[static_cast<std::size_t>(t)] = h;
    });
  }
  std::this_thread::sleep_for(std::chrono::duration<double>(kThroughputSeconds));
  stop = true;
  for (auto& w : workers) w.join();
  const double secs = std::chrono::duration<double>(Clock::now() - start).count();
  std::size_t total = 0;
  for (auto c : counts) total += c;
  return static_cast<double>(total) / secs;
}

// Median and p99 of single-lookup latency in ns, minus the clock-read overhead.
std::pair<double, double> Latency(const AreaIndex& index, const std::vector<Pt>& pts) {
  std::vector<double> ns;
  ns.reserve(kLatencySamples);
  std::vector<double> empty;
  std::size_t sink = 0;
  for (std::size_t i = 0; i < kLatencySamples; ++i) {
    const Pt& p = pts[(i * 7919) % pts.size()];
    const auto t0 = Clock::now();
    sink += index.Locate(p.x, p.y).has_value();
    const auto t1 = Clock::now();
    const auto t2 = Clock::now();
    ns.push_back(std::chrono::duration<double, std::nano>(t1 - t0).count());
    empty.push_back(std::chrono::duration<double, std::nano>(t2 - t1).count());
  }
  auto pct = [](std::vector<double>& v, double q) {
    auto it = v.begin() + static_cast<std::ptrdiff_t>(q * static_cast<double>(v.size() - 1));
    std::nth_element(v.begin(), it, v.end());
    return *it;
  };
  const double overhead = pct(empty, 0.5);
  if (sink == kLatencySamples + 1) std::puts("");  // keep `sink` alive
  return {std::max(0.0, pct(ns, 0.5) - overhead), std::max(0.0, pct(ns, 0.99) - overhead)};
}

// Fraction of `pts` on which the index agrees with GEOS prepared covers + lowest-code rule.
double GeosAgreement(const AreaIndex& index, const std::vector<BoundaryFeature>& features,
                     const std::vector<Pt>& pts, std::size_t samples) {
  auto factory = kc::geo::NewFactory();
  std::vector<std::unique_ptr<geos::geom::prep::PreparedGeometry>> prepared;
  for (const auto& f : features) {
    prepared.push_back(geos::geom::prep::PreparedGeometryFactory::prepare(f.geometry.get()));
  }
  std::size_t agree = 0;
  for (std::size_t i = 0; i < samples; ++i) {
    const Pt& p = pts[i % pts.size()];
    std::unique_ptr<geos::geom::Point> g(factory->createPoint(geos::geom::Coordinate(p.x, p.y)));
    const std::string* expected = nullptr;
    for (std::size_t k = 0; k < features.size(); ++k) {
      if (!features[k].bbox.Contains(p.x, p.y) || !prepared[k]->covers(g.get())) continue;
      if (expected == nullptr || features[k].code < *expected) expected = &features[k].code;
    }
    auto got = index.Locate(p.x, p.y);
    agree += (expected == nullptr) ? !got : (got && *got == *expected);
  }
  return 100.0 * static_cast<double>(agree) / static_cast<double>(samples);
}

void RunCase(const char* name, const AreaIndex& index, const std::vector<Pt>& pts) {
  std::size_t hits = 0;
  for (const Pt& p : pts) hits += index.Locate(p.x, p.y).has_value();
  std::printf("%s_points: %zu points\n", name, pts.size());
  std::printf("%s_hit_rate: %.1f %%\n", name,
              100.0 * static_cast<double>(hits) / static_cast<double>(pts.size()));
  std::printf("%s_lookups_1t: %.0f lookups/s\n", name, Throughput(index, pts, 1));
  std::printf("%s_lookups_2t: %.0f lookups/s\n", name, Throughput(index, pts, 2));
  const auto [median, p99] = Latency(index, pts);
  std::printf("%s_latency_median: %.0f ns\n", name, median);
  std::printf("%s_latency_p99: %.0f ns\n", name, p99);
}

}  // namespace

int main(int argc, char** argv) {
  const std::string path =
      argc > 1 ? argv[1] : std::string(KC_SHARED_DATA_DIR) + "/boundaries/id-kecamatan.geojson";
  if (!std::filesystem::exists(path)) {
    std::printf("skipped: %s not found\n", path.c_str());
    return 0;
  }
  auto t0 = Clock::now();
  auto features = kc::geo::ReadBoundariesFile(path);
  auto t1 = Clock::now();
  if (!features.ok()) {
    std::fprintf(stderr, "%s\n", features.error().message.en.c_str());
    return 1;
  }
  std::size_t repaired = 0;
  for (const auto& f : *features) repaired += f.repaired;
  std::printf("features: %zu features\nrepaired: %zu features\n", features->size(), repaired);
  std::printf("parse_validate_time: %.0f ms\n", Ms(t1 - t0));
  t0 = Clock::now();
  auto index = AreaIndex::Build(*features);
  t1 = Clock::now();
  if (!index.ok()) {
    std::fprintf(stderr, "%s\n", index.error().message.en.c_str());
    return 1;
  }
  const auto& st = index->Stats();
  std::printf("index_build_time: %.0f ms\n", Ms(t1 - t0));
  std::printf("index_memory: %.1f MB\n", static_cast<double>(index->MemoryBytes()) / 1e6);
  std::printf("index_cell_size: %.0f m\n", st.cell_size_deg * 111320.0);
  std::printf("index_cells: %zu cells\nindex_boundary_cells: %zu cells\n", st.grid_cells,
              st.boundary_cells);
  std::printf("index_edges_per_boundary_cell: %.2f edges\n",
              static_cast<double>(st.edge_refs) /
                  static_cast<double>(std::max<std::size_t>(st.boundary_cells, 1)));
  const auto bbox = UniformPoints();
  const auto inside = InsidePoints(*features);
  RunCase("bbox", *index, bbox);
  RunCase("inside", *index, inside);
  std::printf("geos_agreement_bbox: %.3f %%\n", GeosAgreement(*index, *features, bbox, 100'000));
  std::printf("geos_agreement_inside: %.3f %%\n",
              GeosAgreement(*index, *features, inside, 100'000));
  return 0;
}
