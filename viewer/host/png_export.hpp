#pragma once
/**
 * @file png_export.hpp
 * @brief The window's pixels to a PNG (glReadPixels + stb_image_write), and the panel
 * rectangles of a screenshot to a small JSON file for tests.
 */
#include <filesystem>
#include <string>
#include <vector>

#include "app/viewer_state.hpp"

namespace cssim::viewer {

/** @brief Reads the current GL framebuffer (width × height) and writes it as RGB PNG. */
bool write_framebuffer_png(const std::filesystem::path& path, int width, int height,
                           std::string* error);

/**
 * @brief Writes {"width":W,"height":H,"panels":[{"name":..,"x":..,"y":..,"w":..,"h":..}]}
 * in framebuffer pixels (scale = framebuffer / window size).
 */
bool write_panel_rects_json(const std::filesystem::path& path, const std::vector<PanelRect>& rects,
                            int width, int height, float scale_x, float scale_y,
                            std::string* error);

}  // namespace cssim::viewer
