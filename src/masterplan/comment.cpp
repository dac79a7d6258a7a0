#include "masterplan/comment.h"

#include "http/json_body.h"
#include "masterplan/item.h"

namespace kc::masterplan {

std::string TrimText(std::string_view text) {
  constexpr std::string_view kSpace = " \t\r\n\f\v";
  const size_t first = text.find_first_not_of(kSpace);
  if (first == std::string_view::npos) return {};
  return std::string(text.substr(first, text.find_last_not_of(kSpace) - first + 1));
}

void ValidateComment(NewComment& c, Validation& v) {
  if (!ParseItem(c.item)) v.Add("item", ItemFormatMessage());
  c.body = TrimText(c.body);
  const size_t n = http::Utf8Length(c.body);
  if (n == 0) {
    v.Add("body", {"wajib diisi (tidak boleh kosong)", "is required (must not be blank)"});
  } else if (n > kCommentMaxChars) {
    const std::string max = std::to_string(kCommentMaxChars);
    v.Add("body", {"paling banyak " + max + " karakter", "must be at most " + max + " characters"});
  }
}

}  // namespace kc::masterplan
