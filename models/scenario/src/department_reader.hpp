#pragma once
/**
 * @file department_reader.hpp
 * @brief The department reader's sections, one function each, shared by its source files:
 * department_reader.cpp (read_department_model, the top-level reading function that calls them in
 * order, run, volume guards), department_reader_demand.cpp (demand, pathway),
 * department_reader_work.cpp (allocation and time use, staffing, money) and
 * department_reader_effects.cpp (system effects). Not for other model readers.
 */
#include <string>
#include <string_view>
#include <vector>

#include "cssim/department/config.hpp"
#include "json_reader.hpp"

namespace cssim::scenario::department_reader {

inline constexpr double kMaxYears = 200.0;  // runaway-run guard
inline constexpr double kMaxPosts = 100'000.0;
inline constexpr double kMaxRatePer10k = 100'000.0;
inline constexpr double kShareTolerance = 1e-6;

/** @brief One number per need level (kNeedLevels of them) at `key`. */
void by_need(ObjectReader& r, std::string_view key, std::vector<double>& out, std::string_view doc,
             std::string_view unit = "probability", Range range = Range::unit());
/** @brief An error at `key` unless `text` is a date YYYY-MM-DD (when `key` is present). */
void check_date(ObjectReader& r, std::string_view key, const std::string& text);
/** @brief An error at `key` unless `sum` is 1 (within kShareTolerance). */
void check_sums_to_one(ObjectReader& r, std::string_view key, double sum);

/** @brief `demand` (department_reader_demand.cpp). */
void read_demand(ObjectReader& root, department::DepartmentConfig& c);
/** @brief `pathway` and `initial` (department_reader_demand.cpp). */
void read_pathway(ObjectReader& root, department::DepartmentConfig& c);
/** @brief `allocation` and `time_use` (department_reader_work.cpp). */
void read_work(ObjectReader& root, department::DepartmentConfig& c);
/** @brief `workforce` and the staffing sections (department_reader_work.cpp). */
void read_staffing(ObjectReader& root, department::DepartmentConfig& c);
/** @brief `money` (department_reader_work.cpp). */
void read_money(ObjectReader& root, department::DepartmentConfig& c);
/** @brief The system-effect submodels of issue 7 (department_reader_effects.cpp). */
void read_system_effects(ObjectReader& root, department::DepartmentConfig& c);

}  // namespace cssim::scenario::department_reader
