#include "widgets/time_series_chart.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include "app/value_format.hpp"

namespace cssim::viewer {
namespace {

struct Frame {
    ImVec2 min;  ///< plot area, screen pixels
    ImVec2 max;
    double x_lo;
    double x_hi;
    double y_lo;
    double y_hi;
    [[nodiscard]] float px(double x) const {
        return min.x + static_cast<float>((x - x_lo) / (x_hi - x_lo)) * (max.x - min.x);
    }
    [[nodiscard]] float py(double y) const {
        return max.y - static_cast<float>((y - y_lo) / (y_hi - y_lo)) * (max.y - min.y);
    }
    [[nodiscard]] double x_at(float sx) const {
        return x_lo + static_cast<double>((sx - min.x) / (max.x - min.x)) * (x_hi - x_lo);
    }
};

// Index range of a series visible in [lo, hi].
std::pair<std::size_t, std::size_t> visible(std::size_t n, double x0, double lo, double hi) {
    const double a = std::floor(lo - x0) - 1.0;
    const double b = std::ceil(hi - x0) + 2.0;
    const auto first = static_cast<std::size_t>(std::clamp(a, 0.0, static_cast<double>(n)));
    const auto last = static_cast<std::size_t>(std::clamp(b, 0.0, static_cast<double>(n)));
    return {first, last};
}

void extend_range(std::span<const double> v, double x0, double lo, double hi, double& y_lo,
                  double& y_hi) {
    const auto [a, b] = visible(v.size(), x0, lo, hi);
    for (std::size_t i = a; i < b; ++i) {
        if (!std::isfinite(v[i]))
            continue;
        y_lo = std::min(y_lo, v[i]);
        y_hi = std::max(y_hi, v[i]);
    }
}

// A line with more points than columns is drawn as each column's min-max envelope (one
// column-wide rectangle, so spikes stay visible) plus a line through the column means.
// Drawing the raw zigzag instead would overdraw each column several times with thick
// anti-aliased segments, which is what limits the frame rate on a software renderer. Columns
// are `column` pixels wide: 1 normally, 2 in low detail (half the triangles; a software
// rasteriser pays a setup cost for each).
void draw_line(ImDrawList* dl, const Frame& f, const ChartLine& line, float thickness,
               float column_px, std::vector<ImVec2>& pts) {
    const auto [a, b] = visible(line.values.size(), line.x0, f.x_lo, f.x_hi);
    if (b <= a)
        return;
    const float width = std::max(1.0f, f.max.x - f.min.x);
    const double per_pixel =
        static_cast<double>(b - a) / static_cast<double>(width) * static_cast<double>(column_px);
    auto flush = [&]() {
        if (pts.size() >= 2) {
            dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), line.colour, 0, thickness);
        } else if (pts.size() == 1) {
            dl->AddCircleFilled(pts[0], thickness, line.colour);
        }
        pts.clear();
    };
    pts.clear();
    if (per_pixel <= 2.0) {
        for (std::size_t i = a; i < b; ++i) {
            const double v = line.values[i];
            if (!std::isfinite(v)) {
                flush();
                continue;
            }
            pts.emplace_back(f.px(line.x0 + static_cast<double>(i)), f.py(v));
        }
        flush();
        return;
    }
    const ImU32 envelope = (line.colour & ~IM_COL32_A_MASK) | (110u << IM_COL32_A_SHIFT);
    std::size_t i = a;
    while (i < b) {
        const float column =
            std::floor(f.px(line.x0 + static_cast<double>(i)) / column_px) * column_px;
        double lo = INFINITY;
        double hi = -INFINITY;
        double sum = 0.0;
        int n = 0;
        std::size_t j = i;
        for (; j < b &&
               std::floor(f.px(line.x0 + static_cast<double>(j)) / column_px) * column_px == column;
             ++j) {
            const double v = line.values[j];
            if (!std::isfinite(v))
                continue;
            lo = std::min(lo, v);
            hi = std::max(hi, v);
            sum += v;
            ++n;
        }
        if (n > 0) {
            dl->AddRectFilled(ImVec2(column, f.py(hi)), ImVec2(column + column_px, f.py(lo) + 1.0f),
                              envelope);
            pts.emplace_back(column + 0.5f * column_px, f.py(sum / n));
        } else {
            flush();
        }
        i = std::max(j, i + 1);
    }
    flush();
}

// Bands are drawn in columns of `column_px` pixels (each the lowest low to the highest high
// within it): a band is a soft guide, and fewer rectangles keep a software renderer's
// triangle setup cost down; 2 px normally, 4 in low detail.
void draw_band(ImDrawList* dl, const Frame& f, const ChartBand& band, float column_px) {
    const std::size_t n = std::min(band.low.size(), band.high.size());
    const auto [a, b] = visible(n, band.x0, f.x_lo, f.x_hi);
    float column = -1e9f;
    double lo = INFINITY;
    double hi = -INFINITY;
    auto emit = [&]() {
        if (std::isfinite(lo) && std::isfinite(hi) && hi >= lo) {
            dl->AddRectFilled(ImVec2(column, f.py(hi)), ImVec2(column + column_px, f.py(lo) + 1.0f),
                              band.colour);
        }
        lo = INFINITY;
        hi = -INFINITY;
    };
    for (std::size_t i = a; i < b; ++i) {
        const float x = f.px(band.x0 + static_cast<double>(i));
        const float c = std::floor(x / column_px) * column_px;
        if (c != column) {
            emit();
            column = c;
        }
        if (std::isfinite(band.low[i]) && std::isfinite(band.high[i])) {
            lo = std::min(lo, band.low[i]);
            hi = std::max(hi, band.high[i]);
        }
    }
    emit();
}

double value_at(const ChartLine& line, double x) {
    const double k = std::round(x - line.x0);
    if (k < 0 || k >= static_cast<double>(line.values.size()))
        return NAN;
    return line.values[static_cast<std::size_t>(k)];
}

std::vector<double> day_ticks(double lo, double hi, float width_px) {
    // Steps in days: week, fortnight, month, quarter, half-year, year, 2 and 5 years.
    constexpr std::array<double, 9> kSteps{1,       7,      14,    30.4375, 91.3125,
                                           182.625, 365.25, 730.5, 1826.25};
    const double wanted = std::max(2.0, static_cast<double>(width_px) / 90.0);
    double step = kSteps.back();
    for (double s : kSteps) {
        if ((hi - lo) / s <= wanted) {
            step = s;
            break;
        }
    }
    std::vector<double> out;
    for (double x = std::ceil(lo / step) * step; x <= hi; x += step)
        out.push_back(std::round(x));
    return out;
}

}  // namespace

std::vector<double> nice_ticks(double lo, double hi, int target) {
    std::vector<double> out;
    if (!(hi > lo) || target < 1)
        return out;
    // The 1-2-5 step whose number of intervals is closest to the target.
    const double raw = (hi - lo) / target;
    const double mag = std::pow(10.0, std::floor(std::log10(raw)));
    double step = mag;
    double best = INFINITY;
    for (double m : {1.0, 2.0, 5.0, 10.0}) {
        const double miss = std::fabs((hi - lo) / (m * mag) - target);
        if (miss < best) {
            best = miss;
            step = m * mag;
        }
    }
    for (double v = std::ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) {
        out.push_back(std::fabs(v) < step * 1e-9 ? 0.0 : v);
    }
    return out;
}

ChartInteraction draw_time_series_chart(const char* id, const ChartSpec& spec, ChartZoom& zoom,
                                        ImVec2 size) {
    ChartInteraction result;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    size.x = std::max(size.x, 80.0f);
    size.y = std::max(size.y, 60.0f);
    ImGui::InvisibleButton(id, size);
    // Query the button now: the tooltip below starts another window.
    const bool hovered = ImGui::IsItemHovered();
    const bool active = ImGui::IsItemActive();
    const bool released = ImGui::IsItemDeactivated();
    const float font = ImGui::GetFontSize();

    const ImU32 text_col = ImGui::GetColorU32(ImGuiCol_Text);
    const ImU32 grid_col =
        spec.high_contrast ? IM_COL32(90, 90, 90, 255) : IM_COL32(70, 74, 82, 255);

    // Layout: title row on top, x labels below, y labels on the left.
    const ImVec2 box_max(origin.x + size.x, origin.y + size.y);
    Frame f{};
    f.min = ImVec2(origin.x + font * 3.6f, origin.y + font * 1.4f);
    f.max = ImVec2(box_max.x - font * 0.6f, box_max.y - font * 1.4f);
    if (f.max.x - f.min.x < 20.0f || f.max.y - f.min.y < 10.0f)
        return result;

    double x_lo = spec.x_first;
    double x_hi = std::max(spec.x_last, spec.x_first + 1.0);
    if (zoom.active && zoom.x_max > zoom.x_min) {
        x_lo = std::max(x_lo, zoom.x_min);
        x_hi = std::min(x_hi, zoom.x_max);
        if (x_hi - x_lo < 2.0)
            x_hi = x_lo + 2.0;
    }
    f.x_lo = x_lo;
    f.x_hi = x_hi;
    double y_lo = INFINITY;
    double y_hi = -INFINITY;
    for (const auto& l : spec.lines)
        extend_range(l.values, l.x0, x_lo, x_hi, y_lo, y_hi);
    for (const auto& b : spec.bands) {
        extend_range(b.low, b.x0, x_lo, x_hi, y_lo, y_hi);
        extend_range(b.high, b.x0, x_lo, x_hi, y_lo, y_hi);
    }
    if (!std::isfinite(y_lo)) {
        y_lo = 0.0;
        y_hi = 1.0;
    }
    // Counts and shares read best from zero when the data sit not far above it.
    if (y_lo > 0.0 && y_lo < 0.35 * y_hi)
        y_lo = 0.0;
    const double pad = y_hi > y_lo ? 0.06 * (y_hi - y_lo) : std::max(1.0, std::fabs(y_hi) * 0.1);
    f.y_lo = y_lo == 0.0 ? 0.0 : y_lo - pad;
    f.y_hi = y_hi + pad;

    // No background fill: the panel colour shows through (one layer less to blend).
    dl->PushClipRect(origin, box_max, true);

    // Grid and tick labels.
    const int y_target = std::max(3, static_cast<int>((f.max.y - f.min.y) / (font * 2.2f)));
    const std::vector<double> y_ticks = nice_ticks(f.y_lo, f.y_hi, y_target);
    const std::vector<std::string> y_labels = format_axis_ticks(y_ticks, spec.unit);
    for (std::size_t k = 0; k < y_ticks.size(); ++k) {
        const float y = f.py(y_ticks[k]);
        dl->AddLine(ImVec2(f.min.x, y), ImVec2(f.max.x, y), grid_col);
        const std::string& label = y_labels[k];
        const ImVec2 ts = ImGui::CalcTextSize(label.c_str());
        dl->AddText(ImVec2(f.min.x - ts.x - font * 0.3f, y - ts.y * 0.5f), text_col, label.c_str());
    }
    float last_label_end = -1e9f;
    for (double x : day_ticks(x_lo, x_hi, f.max.x - f.min.x)) {
        const float sx = f.px(x);
        dl->AddLine(ImVec2(sx, f.min.y), ImVec2(sx, f.max.y), grid_col);
        if (!spec.x_tick_label)
            continue;
        const std::string label = spec.x_tick_label(x);
        const ImVec2 ts = ImGui::CalcTextSize(label.c_str());
        const float lx = std::clamp(sx - ts.x * 0.5f, f.min.x, f.max.x - ts.x);
        if (lx < last_label_end + font * 0.5f)
            continue;  // skip labels that would overlap
        dl->AddText(ImVec2(lx, f.max.y + font * 0.15f), text_col, label.c_str());
        last_label_end = lx + ts.x;
    }

    dl->PushClipRect(f.min, f.max, true);
    for (const auto& b : spec.bands)
        draw_band(dl, f, b, spec.low_detail ? 4.0f : 2.0f);
    std::vector<ImVec2> pts;
    for (const auto& l : spec.lines)
        draw_line(dl, f, l, spec.line_thickness, spec.low_detail ? 2.0f : 1.0f, pts);
    for (double m : spec.marks) {
        const float sx = f.px(m);
        dl->AddTriangleFilled(ImVec2(sx - 5, f.min.y), ImVec2(sx + 5, f.min.y),
                              ImVec2(sx, f.min.y + 8), IM_COL32(255, 220, 0, 255));
    }
    if (spec.cursor_x) {
        const float sx = f.px(*spec.cursor_x);
        dl->AddLine(ImVec2(sx, f.min.y), ImVec2(sx, f.max.y),
                    spec.high_contrast ? IM_COL32(255, 255, 255, 255) : IM_COL32(255, 220, 0, 200),
                    spec.high_contrast ? 2.5f : 1.5f);
    }
    dl->PopClipRect();
    dl->AddRect(f.min, f.max, grid_col);

    // Title (with unit) and legend.
    std::string title = spec.title;
    if (!spec.unit.empty())
        title += title.empty() ? "(" + spec.unit + ")" : "  (" + spec.unit + ")";
    dl->AddText(ImVec2(origin.x + font * 0.3f, origin.y + font * 0.1f), text_col, title.c_str());
    const float title_end = origin.x + font * 0.3f + ImGui::CalcTextSize(title.c_str()).x;
    float legend_w = 0.0f;
    for (const auto& l : spec.lines)
        legend_w += ImGui::CalcTextSize(l.label.c_str()).x + font * 1.5f;
    float lx = box_max.x - font * 0.5f;
    // A legend that would run into the title is left out; the lines' colours are explained
    // elsewhere on screen (run names in side colours).
    if (lx - legend_w < title_end + font)
        lx = -1.0f;
    for (auto it = spec.lines.rbegin(); lx > 0.0f && it != spec.lines.rend(); ++it) {
        const ImVec2 ts = ImGui::CalcTextSize(it->label.c_str());
        lx -= ts.x;
        dl->AddText(ImVec2(lx, origin.y + font * 0.1f), text_col, it->label.c_str());
        lx -= font * 0.9f;
        dl->AddRectFilled(ImVec2(lx, origin.y + font * 0.35f),
                          ImVec2(lx + font * 0.6f, origin.y + font * 0.95f), it->colour);
        lx -= font * 0.6f;
    }

    // Interaction.
    const ImGuiIO& io = ImGui::GetIO();
    const bool in_plot = hovered && io.MousePos.x >= f.min.x && io.MousePos.x <= f.max.x;
    if (in_plot) {
        result.hovered = true;
        const double mx = f.x_at(io.MousePos.x);
        if (io.MouseWheel != 0.0f) {
            const double factor = io.MouseWheel > 0 ? 0.8 : 1.25;
            double lo = mx - (mx - x_lo) * factor;
            double hi = mx + (x_hi - mx) * factor;
            lo = std::max(lo, spec.x_first);
            hi = std::min(hi, spec.x_last);
            zoom = hi - lo >= spec.x_last - spec.x_first ? ChartZoom{} : ChartZoom{true, lo, hi};
        }
        if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left))
            zoom = ChartZoom{};
        if (!ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
            dl->AddLine(ImVec2(io.MousePos.x, f.min.y), ImVec2(io.MousePos.x, f.max.y),
                        IM_COL32(200, 200, 200, 120));
            if (io.MousePos.y >= f.min.y && io.MousePos.y <= f.max.y) {
                dl->AddLine(ImVec2(f.min.x, io.MousePos.y), ImVec2(f.max.x, io.MousePos.y),
                            IM_COL32(200, 200, 200, 120));
            }
            ImGui::BeginTooltip();
            if (!spec.description.empty()) {
                ImGui::PushTextWrapPos(ImGui::GetFontSize() * 24.0f);
                ImGui::TextDisabled("%s", spec.description.c_str());
                ImGui::PopTextWrapPos();
            }
            if (!spec.bands.empty() && !spec.band_note.empty())
                ImGui::TextDisabled("%s", spec.band_note.c_str());
            ImGui::TextUnformatted(spec.x_hover_label ? spec.x_hover_label(mx).c_str() : "");
            for (const auto& l : spec.lines) {
                const double v = value_at(l, mx);
                ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(l.colour), "%s: %s",
                                   l.label.c_str(), format_value(v, spec.unit).c_str());
            }
            ImGui::EndTooltip();
        }
    }
    if (active && ImGui::IsMouseDragging(ImGuiMouseButton_Left)) {
        const float x0 = std::clamp(io.MouseClickedPos[0].x, f.min.x, f.max.x);
        const float x1 = std::clamp(io.MousePos.x, f.min.x, f.max.x);
        dl->AddRectFilled(ImVec2(std::min(x0, x1), f.min.y), ImVec2(std::max(x0, x1), f.max.y),
                          IM_COL32(120, 160, 255, 50));
    }
    if (released) {
        const float x0 = std::clamp(io.MouseClickedPos[0].x, f.min.x, f.max.x);
        const float x1 = std::clamp(io.MousePos.x, f.min.x, f.max.x);
        if (std::fabs(x1 - x0) > 6.0f) {
            zoom = ChartZoom{true, f.x_at(std::min(x0, x1)), f.x_at(std::max(x0, x1))};
        } else if (x0 >= f.min.x && x0 <= f.max.x) {
            result.clicked = true;
            result.clicked_x = std::round(f.x_at(x0));
        }
    }
    dl->PopClipRect();
    return result;
}

}  // namespace cssim::viewer
