// Bimtek (bimbingan teknis) stages I-IV: what each stage covers, the outputs it must produce,
// and the gate that lets the consultant complete a stage (pure rules; storage in
// masterplan_store.h). PRODUCT.md section 2 and seeds 001, 002, 004.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace kc::masterplan {

inline constexpr int kStageCount = 4;

// Keys of the data outputs whose data is complete (computed by the service from the plan).
using DataOutputs = std::set<std::string, std::less<>>;

struct StageOutput {
  std::string_view key;      // "buku1"
  std::string_view name_id;  // "Buku 1 Analisis Strategis"
  std::string_view name_en;
  // A data output is present when the plan's data is complete (e.g. every readiness score),
  // never by recording a document; a document output is recorded (RecordedOutput).
  bool data = false;
};

struct StageDefinition {
  int stage;                 // 1..4
  std::string_view roman;    // "I"
  std::string_view topic_id;
  std::string_view topic_en;
  std::vector<StageOutput> outputs;  // required to complete the stage
};

// Stages I..IV in order.
const std::array<StageDefinition, kStageCount>& Stages();
// nullptr when stage is not 1..4.
const StageDefinition* FindStage(int stage);
// The stage number for "1".."4" or "I".."IV"; nullopt otherwise.
std::optional<int> ParseStage(std::string_view text);
// The required output `output` of `stage`, or nullptr.
const StageOutput* FindOutput(int stage, std::string_view output);
inline bool IsOutputOf(int stage, std::string_view output) { return FindOutput(stage, output) != nullptr; }


struct Participant {
  int64_t id = 0;
  std::string name;
  std::optional<int64_t> user_id;
  std::optional<int64_t> opd_id;
  std::optional<std::string> area_code;  // kecamatan or kelurahan/desa code
  std::string role;                      // "Kepala Dinas", "Camat", "Lurah", ...
  bool attended = false;
};

struct RecordedOutput {
  std::string output;  // key
  std::string title;
  std::string reference;  // file name, document number or URL
  std::string recorded_by;
  std::string recorded_at;
};

struct Stage {
  int stage = 1;
  std::optional<std::string> start_date, end_date;  // "YYYY-MM-DD"
  std::string place;
  std::string facilitator;  // the consultant(s)
  std::optional<std::string> completed_at;
  std::optional<std::string> completed_by;
  std::vector<Participant> participants;
  std::vector<RecordedOutput> outputs;
  DataOutputs data_outputs;  // complete data outputs of the latest version (set by the service)

  bool completed() const { return completed_at.has_value(); }
  int attended() const;
};

// The checklist of `stage`: every required output with whether it is present (recorded, or
// for data outputs listed in stage.data_outputs).
struct ChecklistItem {
  StageOutput output;
  bool present = false;
};
std::vector<ChecklistItem> Checklist(const Stage& stage);

// Whether `stage` may be completed, given the previous stage (nullptr for stage I). Returns OK
// or kConflict "stage_gate" whose details name every missing piece at once: each missing
// output as "outputs.<key>", "previous_stage", "start_date"/"end_date"/"place", "attendance".
Status CheckGate(const Stage& stage, const Stage* previous);

// The region's current stage: the first stage not completed (1..4), or 5 when all are done.
int CurrentStage(const std::vector<Stage>& stages);

// Validates "YYYY-MM-DD" (a real calendar date).
bool IsIsoDate(std::string_view text);

}  // namespace kc::masterplan
