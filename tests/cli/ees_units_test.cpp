// Unit tests of `cssim init --ees`'s parts: the tidy-CSV reader, the mapping expressions, the
// mapping files (the built-in ones must all parse).
#include <gtest/gtest.h>

#include <string>

#include "ees_csv.hpp"
#include "ees_expression.hpp"
#include "ees_import.hpp"

namespace cssim::cli {
namespace {

TEST(EesCsv, ReadsHeaderAndRowsWithCrlfAndNoFinalLineBreak) {
    const CsvTable t = parse_csv("a,b,c\r\n1,2,3\r\n4,5,6");
    ASSERT_EQ(t.columns, (std::vector<std::string>{"a", "b", "c"}));
    ASSERT_EQ(t.rows.size(), 2u);
    EXPECT_EQ(t.rows[1][2], "6");
    EXPECT_EQ(t.row_lines[1], 3u);
    EXPECT_EQ(t.column("b"), 1u);
    EXPECT_FALSE(t.column("B"));
}

TEST(EesCsv, AcceptsAByteOrderMark) {
    const CsvTable t = parse_csv("\xEF\xBB\xBFtime_period,la_name\n2023,Northby\n");
    EXPECT_EQ(t.columns.front(), "time_period");
    EXPECT_EQ(t.rows[0][1], "Northby");
}

TEST(EesCsv, QuotedFieldsKeepCommasQuotesAndLineBreaks) {
    const CsvTable t =
        parse_csv("name,note\n\"Bristol, City of\",\"said \"\"hi\"\"\"\n\"two\nlines\",\"\"\n");
    ASSERT_EQ(t.rows.size(), 2u);
    EXPECT_EQ(t.rows[0][0], "Bristol, City of");
    EXPECT_EQ(t.rows[0][1], "said \"hi\"");
    EXPECT_EQ(t.rows[1][0], "two\nlines");
    EXPECT_EQ(t.rows[1][1], "");
}

TEST(EesCsv, EmptyFieldsAndBlankLinesAreHandled) {
    const CsvTable t = parse_csv("a,b,c\n,,\n\n1,,3\n\n");
    ASSERT_EQ(t.rows.size(), 2u);
    EXPECT_EQ(t.rows[0], (std::vector<std::string>{"", "", ""}));
    EXPECT_EQ(t.rows[1][1], "");
}

TEST(EesCsv, MalformedFilesNameTheLine) {
    try {
        (void)parse_csv("a,b\n1,2\n3\n");
        FAIL() << "a short row must be refused";
    } catch (const CsvError& e) {
        EXPECT_NE(std::string(e.what()).find("line 3"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("1 fields; the header has 2"), std::string::npos);
    }
    EXPECT_THROW((void)parse_csv("a,b\n\"open,2\n"), CsvError);
    EXPECT_THROW((void)parse_csv("a,b\n\"x\"y,2\n"), CsvError);
    EXPECT_THROW((void)parse_csv("a,b\nx\"y,2\n"), CsvError);
    EXPECT_THROW((void)parse_csv(""), CsvError);
    EXPECT_THROW((void)parse_csv("a,a\n1,2\n"), CsvError);
}

TEST(EesExpression, ArithmeticPrecedenceParenthesesAndFunctions) {
    auto values = [](const std::string& name) {
        if (name == "case_holders_fte")
            return 115.7;
        if (name == "agency_rate_fte")
            return 9.9;
        if (name == "council.children")
            return 45000.0;
        throw std::runtime_error("unexpected " + name);
    };
    EXPECT_DOUBLE_EQ(evaluate_expression("1 + 2 * 3", values), 7.0);
    EXPECT_DOUBLE_EQ(evaluate_expression("(1 + 2) * 3", values), 9.0);
    EXPECT_DOUBLE_EQ(evaluate_expression("-2 - -3", values), 1.0);
    EXPECT_DOUBLE_EQ(evaluate_expression("8 / 4 / 2", values), 1.0);
    EXPECT_DOUBLE_EQ(evaluate_expression("max(0, 10.9 - 20.5) / 100", values), 0.0);
    EXPECT_DOUBLE_EQ(evaluate_expression("min(3, 2)", values), 2.0);
    EXPECT_NEAR(evaluate_expression("case_holders_fte / (1 - agency_rate_fte / 100)", values),
                128.41, 0.01);
    EXPECT_DOUBLE_EQ(evaluate_expression("1710 / council.children * 10000", values), 380.0);
    EXPECT_EQ(expression_names("a / (1 - b) + a + council.children"),
              (std::vector<std::string>{"a", "b", "council.children"}));
}

TEST(EesExpression, SyntaxErrorsSayWhere) {
    for (const char* bad : {"1 +", "(1", "a b", "sqrt(2)", "max(1)", "2 $ 3", ""}) {
        EXPECT_THROW((void)expression_names(bad), ExpressionError) << bad;
    }
    try {
        (void)expression_names("a * (b");
    } catch (const ExpressionError& e) {
        EXPECT_NE(std::string(e.what()).find("')' expected"), std::string::npos) << e.what();
    }
}

TEST(EesMapping, BuiltInMappingsParseAndIncludeTheWorkforceFile) {
    const auto& mappings = builtin_ees_mappings();
    ASSERT_GE(mappings.size(), 4u);
    bool workforce = false;
    for (const EesMapping& m : mappings) {
        if (m.name == "csww_indicators") {
            workforce = true;
            EXPECT_FALSE(m.is_template);
            EXPECT_FALSE(m.fields.empty());
            EXPECT_FALSE(m.published.empty());
        }
    }
    EXPECT_TRUE(workforce);
}

TEST(EesMapping, BadMappingsAreRefusedWithTheirPath) {
    EXPECT_THROW((void)parse_ees_mapping("[]", "m"), EesError);
    EXPECT_THROW((void)parse_ees_mapping(R"({"format": "other"})", "m"), EesError);
    EXPECT_THROW((void)parse_ees_mapping(R"({"format": "cssim-ees-mapping"})", "m"), EesError);
    try {
        (void)parse_ees_mapping(R"({"format": "cssim-ees-mapping", "recognise_by": ["a"],
                                    "fields": [{"field": "x.y", "value": "a +"}]})",
                                "m");
        FAIL();
    } catch (const EesError& e) {
        EXPECT_NE(std::string(e.what()).find("fields[0].value"), std::string::npos) << e.what();
        EXPECT_EQ(e.exit_code(), 65);
    }
}

TEST(EesMapping, SuppressionSymbolsAreRecognised) {
    for (const char* s : {"c", "x", "z", "low", "u", ":", "", " c "}) {
        EXPECT_TRUE(is_ees_symbol(s)) << s;
    }
    for (const char* s : {"0", "12.5", "1,234"}) {
        EXPECT_FALSE(is_ees_symbol(s)) << s;
    }
}

}  // namespace
}  // namespace cssim::cli
