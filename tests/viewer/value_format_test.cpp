// How the viewer writes numbers: by the series' unit from the archive, and axis ticks that stay
// distinct on narrow ranges.
#include "app/value_format.hpp"

#include <gtest/gtest.h>

namespace cssim::viewer {
namespace {

TEST(ValueFormat, WritesSharesMoneyAndPlainNumbersByUnit) {
    EXPECT_EQ(format_value(0.361, "share"), "36.1%");
    EXPECT_EQ(format_value(1234567.0, "GBP per year"),
              "\xC2\xA3"
              "1.23M");
    EXPECT_EQ(format_value(17.54, "cases"), "17.5");
    EXPECT_EQ(format_difference(-0.042, "share"), "-4.2 pts");
}

TEST(ValueFormat, AxisTicksKeepTheirShortFormWhenTheyDiffer) {
    EXPECT_EQ(format_axis_ticks({0.0, 10.0, 20.0}, "cases"),
              (std::vector<std::string>{"0", "10", "20"}));
    EXPECT_EQ(format_axis_ticks({0.0, 0.2, 0.4}, "share"),
              (std::vector<std::string>{"0%", "20%", "40%"}));
}

TEST(ValueFormat, AxisTicksOnANarrowRangeGetTheDecimalsTheStepNeeds) {
    // 1.00 to 1.03 in steps of 0.01: the short form would print "1.0" four times.
    EXPECT_EQ(format_axis_ticks({1.0, 1.01, 1.02, 1.03}, "x"),
              (std::vector<std::string>{"1.00", "1.01", "1.02", "1.03"}));
    EXPECT_EQ(format_axis_ticks({0.961, 0.962, 0.963}, "share"),
              (std::vector<std::string>{"96.1%", "96.2%", "96.3%"}));
    EXPECT_EQ(format_axis_ticks({15.0, 15.5, 16.0}, "cases"),
              (std::vector<std::string>{"15.0", "15.5", "16.0"}));
}

}  // namespace
}  // namespace cssim::viewer
