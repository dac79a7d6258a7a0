#include "masterplan/bimtek.h"

#include <algorithm>
#include <charconv>
#include <chrono>

namespace kc::masterplan {

const std::array<StageDefinition, kStageCount>& Stages() {
  static const std::array<StageDefinition, kStageCount> kStages = {{
      {1, "I", "Analisa kesiapan, SWOT, visi bersama", "Readiness analysis, SWOT, shared vision",
       {{"readiness_scores", "Nilai kesiapan lengkap (6 dimensi x 9 sub-aspek)",
         "Complete readiness scores (6 dimensions x 9 sub-aspects)", true},
        {"swot", "SWOT untuk setiap dimensi", "SWOT for every dimension", true},
        {"vision_draft", "Draf visi dan misi", "Vision and mission draft"}}},
      {2, "II", "Analisa kematangan, visi/misi/fokus/tujuan/sasaran per dimensi, permasalahan dan "
                "strategi", "Maturity analysis, vision/mission/focus/goals/targets, problems and strategy",
       {{"buku1", "Buku 1 Analisis Strategis", "Book 1 Strategic Analysis"},
        {"quick_win_ideas", "Usulan quick win untuk setiap dimensi", "Quick-win ideas for every dimension", true}}},
      {3, "III", "Kerangka dan program 5-10 tahun: inovasi, rencana aksi, peta jalan",
       "Framework and 5-10 year program: innovations, action plans, roadmap",
       {{"buku2", "Buku 2 Masterplan Smart City", "Book 2 Smart City Masterplan"},
        {"quick_win_selection", "Quick win terpilih (dengan alasan) untuk setiap dimensi",
         "A selected quick win (with reasons) for every dimension", true}}},
      {4, "IV", "Strategi literasi digital, quick win final, penandatanganan komitmen",
       "Digital literacy strategy, final quick wins, commitment signing",
       {{"final_quick_wins", "Quick win final untuk setiap dimensi", "A final quick win for every dimension", true},
        {"signed_commitment", "Komitmen yang ditandatangani", "Signed commitment"},
        {"executive_summary", "Buku 3 Ringkasan Eksekutif", "Book 3 Executive Summary"}}},
  }};
  return kStages;
}

const StageDefinition* FindStage(int stage) {
  if (stage < 1 || stage > kStageCount) return nullptr;
  return &Stages()[static_cast<size_t>(stage - 1)];
}

std::optional<int> ParseStage(std::string_view text) {
  for (const StageDefinition& d : Stages()) {
    if (text == d.roman || (text.size() == 1 && text[0] == static_cast<char>('0' + d.stage))) {
      return d.stage;
    }
  }
  return std::nullopt;
}

const StageOutput* FindOutput(int stage, std::string_view output) {
  const StageDefinition* d = FindStage(stage);
  if (d == nullptr) return nullptr;
  for (const StageOutput& o : d->outputs) {
    if (o.key == output) return &o;
  }
  return nullptr;
}

int Stage::attended() const {
  return static_cast<int>(std::count_if(participants.begin(), participants.end(),
                                        [](const Participant& p) { return p.attended; }));
}

std::vector<ChecklistItem> Checklist(const Stage& stage) {
  std::vector<ChecklistItem> items;
  const StageDefinition* d = FindStage(stage.stage);
  if (d == nullptr) return items;
  for (const StageOutput& o : d->outputs) {
    const bool present =
        o.data ? stage.data_outputs.contains(o.key)
               : std::any_of(stage.outputs.begin(), stage.outputs.end(),
                             [&](const RecordedOutput& r) { return r.output == o.key; });
    items.push_back({o, present});
  }
  return items;
}

Status CheckGate(const Stage& stage, const Stage* previous) {
  Error e(ErrorCode::kConflict,
          {"Tahap Bimtek belum dapat diselesaikan; lengkapi yang kurang.",
           "The Bimtek stage cannot be completed yet; supply what is missing."},
          "stage_gate");
  if (stage.completed()) {
    return Error(ErrorCode::kConflict, {"Tahap ini sudah selesai.", "This stage is already completed."},
                 "stage_completed");
  }
  if (previous != nullptr && !previous->completed()) {
    e.With("previous_stage", {"tahap sebelumnya belum selesai", "the previous stage is not completed"});
  }
  if (!stage.start_date) e.With("start_date", {"tanggal mulai belum diisi", "start date not set"});
  if (!stage.end_date) e.With("end_date", {"tanggal selesai belum diisi", "end date not set"});
  if (stage.place.empty()) e.With("place", {"tempat belum diisi", "place not set"});
  if (stage.attended() == 0) {
    e.With("attendance", {"belum ada peserta yang hadir", "no participant attended"});
  }
  for (const ChecklistItem& item : Checklist(stage)) {
    if (item.present) continue;
    e.With("outputs." + std::string(item.output.key),
           {std::string(item.output.name_id) + " belum ada", std::string(item.output.name_en) + " is missing"});
  }
  if (!e.details.empty()) return e;
  return Ok();
}

int CurrentStage(const std::vector<Stage>& stages) {
  for (int s = 1; s <= kStageCount; ++s) {
    auto it = std::find_if(stages.begin(), stages.end(), [s](const Stage& st) { return st.stage == s; });
    if (it == stages.end() || !it->completed()) return s;
  }
  return kStageCount + 1;
}

bool IsIsoDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  int y = 0;
  unsigned m = 0, d = 0;
  auto num = [&](size_t pos, size_t len, auto& out) {
    const auto [end, ec] = std::from_chars(text.data() + pos, text.data() + pos + len, out);
    return ec == std::errc() && end == text.data() + pos + len;
  };
  if (!num(0, 4, y) || !num(5, 2, m) || !num(8, 2, d)) return false;
  return std::chrono::year_month_day(std::chrono::year(y), std::chrono::month(m), std::chrono::day(d)).ok();
}

}  // namespace kc::masterplan
