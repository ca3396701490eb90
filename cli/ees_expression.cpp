// A recursive-descent evaluator for the mapping expressions of `cssim init --ees`.
#include "ees_expression.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>

namespace cssim::cli {
namespace {

class Parser {
public:
    Parser(std::string_view text, const std::function<double(const std::string&)>* value_of)
        : text_(text), value_of_(value_of) {}

    double parse_all() {
        const double v = sum();
        skip_space();
        if (pos_ < text_.size()) {
            fail("unexpected '" + std::string(1, text_[pos_]) + "'");
        }
        return v;
    }
    const std::vector<std::string>& names() const { return names_; }

private:
    [[noreturn]] void fail(const std::string& what) const {
        throw ExpressionError("in \"" + std::string(text_) + "\" at character " +
                              std::to_string(pos_ + 1) + ": " + what);
    }
    void skip_space() {
        while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_]))) {
            ++pos_;
        }
    }
    bool accept(char c) {
        skip_space();
        if (pos_ < text_.size() && text_[pos_] == c) {
            ++pos_;
            return true;
        }
        return false;
    }
    double sum() {
        double v = product();
        while (true) {
            if (accept('+')) {
                v += product();
            } else if (accept('-')) {
                v -= product();
            } else {
                return v;
            }
        }
    }
    double product() {
        double v = unary();
        while (true) {
            if (accept('*')) {
                v *= unary();
            } else if (accept('/')) {
                v /= unary();
            } else {
                return v;
            }
        }
    }
    double unary() {
        if (accept('-')) {
            return -unary();
        }
        return primary();
    }
    double primary() {
        skip_space();
        if (pos_ >= text_.size()) {
            fail("the expression ends too early");
        }
        const char c = text_[pos_];
        if (accept('(')) {
            const double v = sum();
            if (!accept(')')) {
                fail("')' expected");
            }
            return v;
        }
        if (std::isdigit(static_cast<unsigned char>(c)) || c == '.') {
            const std::string rest(text_.substr(pos_));
            char* end = nullptr;
            const double v = std::strtod(rest.c_str(), &end);
            if (end == rest.c_str()) {
                fail("a number expected");
            }
            pos_ += static_cast<std::size_t>(end - rest.c_str());
            return v;
        }
        if (std::isalpha(static_cast<unsigned char>(c)) || c == '_') {
            const std::size_t start = pos_;
            while (pos_ < text_.size() && (std::isalnum(static_cast<unsigned char>(text_[pos_])) ||
                                           text_[pos_] == '_' || text_[pos_] == '.')) {
                ++pos_;
            }
            const std::string name(text_.substr(start, pos_ - start));
            if (accept('(')) {
                if (name != "max" && name != "min") {
                    fail("unknown function \"" + name + "\" (max and min are known)");
                }
                const double a = sum();
                if (!accept(',')) {
                    fail("',' expected");
                }
                const double b = sum();
                if (!accept(')')) {
                    fail("')' expected");
                }
                return name == "max" ? std::max(a, b) : std::min(a, b);
            }
            if (std::find(names_.begin(), names_.end(), name) == names_.end()) {
                names_.push_back(name);
            }
            return value_of_ ? (*value_of_)(name) : 1.0;
        }
        fail("unexpected '" + std::string(1, c) + "'");
    }

    std::string_view text_;
    const std::function<double(const std::string&)>* value_of_;
    std::size_t pos_ = 0;
    std::vector<std::string> names_;
};

}  // namespace

std::vector<std::string> expression_names(std::string_view expression) {
    Parser parser(expression, nullptr);
    parser.parse_all();
    return parser.names();
}

double evaluate_expression(std::string_view expression,
                           const std::function<double(const std::string&)>& value_of) {
    Parser parser(expression, &value_of);
    return parser.parse_all();
}

}  // namespace cssim::cli
