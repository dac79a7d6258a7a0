// Category rows on a connection inside a caller's read or write (category_store_sqlite.cpp),
// so a category change and its audit entry commit together.
#pragma once

#include <optional>
#include <string_view>

#include "core/result.h"
#include "reports/category.h"
#include "store/sqlite.h"

namespace kc::reports {

// Inserts or replaces the category by (region, code); `category` must pass ValidateCategory.
// Errors: kNotFound (region), kInvalidArgument "default_opd_id" (not an OPD of the region).
Status UpsertCategoryRow(store::Connection& conn, const Category& category);
Result<std::optional<Category>> SelectCategory(store::Connection& conn, std::string_view region,
                                               std::string_view code);

}  // namespace kc::reports
